import type { Token } from './tokenize.js';

/**
 * Where a SQL expression's text comes from, as in the Python analyzer:
 * - literal: fixed in the source, or passed through a quoting function (quote_ident, QUOTENAME,
 *   format with only %I/%L) that makes it safe to splice;
 * - formatted: built by concatenation or formatting from a literal and a non-literal part;
 * - unknown: anything else (a parameter, a column, a spliced Jinja value).
 */
export type SqlValueKind = 'literal' | 'formatted' | 'unknown';

/** An expression's kind and the tokens it spans, `[start, end)` as token indexes. */
export interface SqlExpression {
  kind: SqlValueKind;
  start: number;
  end: number;
}

/** Functions whose result quotes their input as an identifier or literal. */
const QUOTING = new Set(['quote_ident', 'quote_literal', 'quote_nullable', 'quotename', 'string_escape']);
/** Functions that glue their arguments together: any non-literal argument makes the result formatted. */
const CONCATENATING = new Set(['concat', 'concat_ws', 'replace']);
/** PostgreSQL's format(): %I and %L quote their argument, %s does not. */
const FORMATTING = new Set(['format', 'printf']);
const CASTS = new Set(['cast', 'try_cast', 'safe_cast']);
/** A format specifier: `%[n$][-][width]type`; a `*` width takes an argument of its own. */
const SPECIFIER = /%(?:(\d+)\$)?-?(\d*|\*(?:\d+\$)?)([A-Za-z%])/g;
/**
 * Types whose values are spliced as text that carries no quote, keyword or statement (numbers,
 * booleans, dates and times, UUIDs): a variable declared so is as harmless as a literal.
 */
const INERT_TYPES = new Set([
  'smallint', 'integer', 'int', 'bigint', 'int2', 'int4', 'int8', 'tinyint', 'mediumint', 'serial', 'bigserial',
  'numeric', 'decimal', 'real', 'float', 'float4', 'float8', 'double', 'money', 'bit',
  'boolean', 'bool', 'date', 'time', 'timestamp', 'timestamptz', 'datetime', 'datetime2', 'smalldatetime', 'interval', 'uuid', 'uniqueidentifier',
]);
/** What a declaration's name follows: a parameter list (`(`, `,`, IN/OUT), DECLARE, or the previous declaration's `;`. */
const DECLARATION_LEADS = new Set(['(', ',', ';', 'declare', 'in', 'out', 'inout']);
/** Words that follow a name without declaring its type (`CAST(@n AS …)`, `a, b AS c`). */
const NOT_TYPES = new Set(['as', 'and', 'or', 'is', 'not', 'in', 'from', 'where', 'on', 'then', 'else', 'when', 'end', 'into', 'like', 'between', 'asc', 'desc']);
const LITERAL_WORDS = new Set(['null', 'true', 'false']);
const STRING_OPS = new Set(['||', '+']);
const OTHER_OPS = new Set(['-', '*', '/', '%']);
/** Deeper than this, an expression is not worth proving literal. */
const MAX_DEPTH = 48;

/**
 * Reads expressions out of a token list and tracks what variables were assigned (flow-insensitive:
 * a variable is as bad as its worst assignment anywhere in the file).
 */
export class SqlValues {
  private readonly variables = new Map<string, SqlValueKind>();
  /** Parameters and variables every declaration of which in the file gives an inert type. */
  private readonly inert: ReadonlySet<string>;
  /** For each `(`, the index of its `)`: computed once so nested input costs linear time. */
  private readonly closers: Int32Array;

  constructor(private readonly tokens: readonly Token[]) {
    this.closers = matchParens(tokens);
    this.inert = inertVariables(tokens);
    for (let i = 0; i < tokens.length; i++) this.recordAssignment(i);
  }

  /** Index of the `)` matching the `(` at `open`, or the last token when it is never closed. */
  closingParen(open: number): number {
    return this.closers[open]!;
  }

  /** The expression starting at token `i`. */
  expressionAt(i: number): SqlExpression {
    return this.expression(i, 0);
  }

  private expression(start: number, depth: number): SqlExpression {
    const kinds: SqlValueKind[] = [];
    let stringOp = false;
    let otherOp = false;
    let i = start;
    for (;;) {
      const operand = this.operand(i, depth);
      if (!operand) break;
      kinds.push(operand.kind);
      i = this.skipCasts(operand.end);
      const op = this.tokens[i];
      if (op?.type !== 'op' || !(STRING_OPS.has(op.text) || OTHER_OPS.has(op.text))) break;
      if (op.text === '||' || (op.text === '+' && this.stringy(operand))) stringOp = true;
      else if (!STRING_OPS.has(op.text)) otherOp = true;
      i++;
    }
    return { kind: verdict(kinds, stringOp, otherOp), start, end: Math.max(i, start) };
  }

  private stringy(operand: SqlExpression): boolean {
    return operand.kind === 'formatted' || this.tokens[operand.start]?.type === 'string';
  }

  private operand(i: number, depth: number): SqlExpression | undefined {
    const token = this.tokens[i];
    if (!token) return undefined;
    const at = (kind: SqlValueKind, end: number): SqlExpression => ({ kind, start: i, end });
    if (depth > MAX_DEPTH) return at('unknown', this.tokens.length);
    switch (token.type) {
      case 'string':
      case 'number':
      case 'dollar':
        return at('literal', i + 1);
      case 'quoted':
      case 'param':
        return at('unknown', i + 1);
      case 'op':
        if (token.text === '(') {
          const inner = this.expression(i + 1, depth + 1);
          return at(inner.kind, this.closingParen(i) + 1);
        }
        if (token.text === '-') return this.operand(i + 1, depth + 1);
        return undefined;
      case 'word': {
        if (LITERAL_WORDS.has(token.text)) return at('literal', i + 1);
        const name = this.qualifiedName(i);
        if (this.tokens[name.end]?.text === '(') return at(this.callKind(name.text, name.end, depth), this.closingParen(name.end) + 1);
        if (this.inert.has(name.text)) return at('literal', name.end);
        return at(this.variables.get(name.text) ?? 'unknown', name.end);
      }
    }
  }

  /** `a.b.c` as one name, and the index past it. */
  private qualifiedName(i: number): { text: string; end: number } {
    let text = this.tokens[i]!.text;
    let end = i + 1;
    while (this.tokens[end]?.text === '.' && this.tokens[end + 1]?.type === 'word') {
      text += `.${this.tokens[end + 1]!.text}`;
      end += 2;
    }
    return { text, end };
  }

  /** `::type` and `::type(n)` casts keep the operand's kind. */
  private skipCasts(i: number): number {
    while (this.tokens[i]?.text === '::' && this.tokens[i + 1]?.type === 'word') {
      i += 2;
      if (this.tokens[i]?.text === '(') i = this.closingParen(i) + 1;
    }
    return i;
  }

  private callKind(name: string, open: number, depth: number): SqlValueKind {
    const fn = name.slice(name.lastIndexOf('.') + 1);
    if (QUOTING.has(fn)) return 'literal';
    // CAST(v AS type) and T-SQL's CONVERT(type, v) keep the kind of v.
    if (CASTS.has(fn)) {
      const value = this.expression(open + 1, depth + 1);
      return this.tokens[value.end]?.text === 'as' ? value.kind : 'unknown';
    }
    const args = this.argumentsAt(open, depth);
    if (fn === 'convert' && args.length >= 2 && this.isTypeName(args[0]!)) return args[1]!.kind;
    const kinds = args.map((a) => a.kind);
    if (kinds.every((k) => k === 'literal')) return 'literal';
    if (FORMATTING.has(fn)) {
      const template = this.tokens[args[0]?.start ?? -1];
      const spliced = args[0]?.kind === 'literal' && template?.type === 'string' ? unquotedArguments(template.text) : undefined;
      return spliced?.every((n) => args[n]?.kind === 'literal') ? 'literal' : 'formatted';
    }
    if (CONCATENATING.has(fn)) return 'formatted';
    return kinds.includes('formatted') ? 'formatted' : 'unknown';
  }

  /** `NVARCHAR(10)` or `INT`: a word, with or without a length, that is no variable. */
  private isTypeName(arg: SqlExpression): boolean {
    const word = this.tokens[arg.start]!;
    if (word.type !== 'word' || word.text.startsWith('@')) return false;
    return arg.end === arg.start + 1 || (this.tokens[arg.start + 1]?.text === '(' && this.closingParen(arg.start + 1) + 1 === arg.end);
  }

  private argumentsAt(open: number, depth: number): SqlExpression[] {
    const close = this.closingParen(open);
    const args: SqlExpression[] = [];
    let i = open + 1;
    while (i < close) {
      const arg = this.expression(i, depth + 1);
      // Anything the expression reader stops at (AS in CAST, a keyword) makes the argument unknown.
      const end = this.nextComma(arg.end, close);
      args.push({ ...arg, kind: end === arg.end ? arg.kind : 'unknown', end });
      i = end + 1;
    }
    return args;
  }

  /** The next top-level comma between `from` and `close`, or `close`. */
  private nextComma(from: number, close: number): number {
    for (let i = from; i < close; i++) {
      const t = this.tokens[i]!;
      if (t.type !== 'op') continue;
      if (t.text === '(') i = this.closingParen(i);
      else if (t.text === ',') return i;
    }
    return close;
  }

  /**
   * Assignments as PL/pgSQL (`v := e`, `v type := e`), MySQL (`SET @v = e`) and T-SQL
   * (`SET @v = e`, `SET @v += e`, `DECLARE @v type = e`, `SELECT @v = e`) write them.
   */
  private recordAssignment(i: number): void {
    const op = this.tokens[i]!;
    if (op.type !== 'op' || !(op.text === ':=' || op.text === '=' || op.text === '+=')) return;
    const target = op.text === ':=' ? this.declaredBefore(i, true) : this.setTarget(i);
    if (!target) return;
    const value = this.expressionAt(i + 1).kind;
    const before = this.variables.get(target);
    const kind = op.text === '+=' && value !== 'literal' ? 'formatted' : value;
    this.variables.set(target, before === undefined ? kind : verdict([before, kind], false, false));
  }

  private setTarget(i: number): string | undefined {
    const lead = this.tokens[i - 2]?.text;
    if (lead === 'set' || (lead === 'select' && this.tokens[i - 1]?.text.startsWith('@'))) return this.tokens[i - 1]?.text;
    return this.declaredBefore(i, false);
  }

  /** The variable a declaration names before its type: back to DECLARE (or, for `:=`, a statement start). */
  private declaredBefore(i: number, plpgsql: boolean): string | undefined {
    let depth = 0;
    for (let j = i - 1; j >= Math.max(0, i - 12); j--) {
      const t = this.tokens[j]!;
      if (t.text === ')') depth++;
      else if (t.text === '(') depth--;
      else if (t.type === 'word' && (t.text === 'declare' || (plpgsql && t.text === 'begin'))) return this.tokens[j + 1]?.text;
      else if (t.text === ';' || t.type === 'dollar') return plpgsql ? this.tokens[j + 1]?.text : undefined;
      // T-SQL declares several variables in one statement: DECLARE @a INT = 1, @b NVARCHAR(10) = …
      else if (t.text === ',' && depth === 0 && this.tokens[j + 1]?.text.startsWith('@')) return this.tokens[j + 1]!.text;
    }
    return plpgsql && i > 0 ? this.tokens[i - 1]!.text : undefined;
  }
}

/**
 * The arguments (1 is the first after the template) that a format template splices without
 * quoting them (`%s`), or undefined when that cannot be told (a `*` width, an unknown type).
 */
function unquotedArguments(template: string): number[] | undefined {
  const spliced: number[] = [];
  let next = 1;
  for (const [, position, width, type] of template.matchAll(SPECIFIER)) {
    if (type === '%') continue;
    if (width?.startsWith('*') || !/^[sIL]$/.test(type!)) return undefined;
    const n = position ? Number(position) : next;
    next = n + 1;
    if (type === 's') spliced.push(n);
  }
  return spliced;
}

/**
 * Names declared with an inert type (`days int`, `@n INT`, `DECLARE n integer;`) and never with
 * another: the file's routines share one table of names, so one text declaration spoils it.
 */
function inertVariables(tokens: readonly Token[]): ReadonlySet<string> {
  const inert = new Set<string>();
  const other = new Set<string>();
  for (let i = 1; i + 1 < tokens.length; i++) {
    const name = tokens[i]!;
    const type = tokens[i + 1]!;
    // A T-SQL variable is declared wherever `@name type` stands (a procedure's first parameter follows its name).
    if (name.type !== 'word' || type.type !== 'word' || !(DECLARATION_LEADS.has(tokens[i - 1]!.text) || name.text.startsWith('@'))) continue;
    if (INERT_TYPES.has(type.text)) inert.add(name.text);
    else if (!NOT_TYPES.has(type.text)) other.add(name.text);
  }
  for (const name of other) inert.delete(name);
  return inert;
}

function verdict(kinds: SqlValueKind[], stringOp: boolean, otherOp: boolean): SqlValueKind {
  if (kinds.length === 0) return 'unknown';
  if (kinds.every((k) => k === 'literal')) return 'literal';
  if (kinds.includes('formatted') || (stringOp && kinds.length > 1 && !otherOp)) return 'formatted';
  return 'unknown';
}

function matchParens(tokens: readonly Token[]): Int32Array {
  const closers = new Int32Array(tokens.length).fill(tokens.length - 1);
  const open: number[] = [];
  for (const [i, t] of tokens.entries()) {
    if (t.type !== 'op') continue;
    if (t.text === '(') open.push(i);
    else if (t.text === ')' && open.length > 0) closers[open.pop()!] = i;
  }
  return closers;
}
