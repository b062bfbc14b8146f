import { type Bindings, bindingsKey } from './bindings.js';
import { LocalCalls } from './local-calls.js';
import { budgetFor, NameMemo } from './name-memo.js';
import type { SyntaxNode } from './parser.js';

/**
 * What is known about where an expression's value comes from:
 * - literal: fixed in the source (string/number literals and expressions of them only), or a
 *   number computed at run time (`int(x)`, `float(x)`, `len(x)`), or a value an allow-list or
 *   shape check confines where it is read, or a parameter of a helper only this file calls with
 *   such values: nothing spliced from these can rewrite the text around it;
 * - formatted: a string built from a literal template and non-literal parts (f-string, %, +,
 *   .format, .join) — the shape injection needs;
 * - unknown: anything else.
 * The taint engine refines "unknown" into attacker-controlled or not.
 */
export type ValueKind = 'literal' | 'formatted' | 'unknown';

/** A value known exactly: what a Python str/bytes, int, bool or None literal denotes. */
export type Constant = string | number | boolean | null;

const LITERAL_TYPES = new Set(['integer', 'float', 'true', 'false', 'none', 'ellipsis']);
const CONTAINER_TYPES = new Set(['list', 'tuple', 'set', 'expression_list']);
const STRING_BUILDING_OPERATORS = new Set(['+', '%']);
/** str methods whose result is the receiver with the arguments worked in. */
const STRING_METHODS = new Set([
  'format',
  'format_map',
  'join',
  'replace',
  'strip',
  'lstrip',
  'rstrip',
  'lower',
  'upper',
  'casefold',
  'title',
  'capitalize',
  'removeprefix',
  'removesuffix',
]);
/** Functions whose result is their first argument's text, reshaped or parsed (`json.loads` of a literal is literal). */
const STRING_FUNCTIONS = new Set(['textwrap.dedent', 'inspect.cleandoc', 'builtins.str', 'json.loads']);
/** Functions whose result is a number whatever their argument (bool is left out: rules read flags from it). */
const NUMBER_FUNCTIONS = new Set(['builtins.int', 'builtins.float', 'builtins.len']);
/** Builtins whose elements are their arguments' elements (with numbers: enumerate's counter). */
const ELEMENT_WALKERS = new Set(['builtins.enumerate', 'builtins.zip', 'builtins.sorted', 'builtins.reversed', 'builtins.list', 'builtins.tuple', 'builtins.set', 'builtins.iter']);
const DICT_VIEWS = new Set(['items', 'keys', 'values']);
/** Builtins that make a container of their positional arguments' elements; with none, an empty one. */
const CONTAINER_BUILDERS = new Set(['builtins.list', 'builtins.tuple', 'builtins.set', 'builtins.frozenset', 'builtins.dict', 'builtins.sorted', 'builtins.reversed']);
/** Comprehensions: every element is their body's value. */
const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'generator_expression']);
const ESCAPES = ['escape_sequence', 'escape_interpolation'];
const MAX_DEPTH = 64;

export class ValueClassifier {
  private readonly kinds: NameMemo<ValueKind>;
  private readonly constants: NameMemo<Constant | undefined>;
  private readonly localCalls: LocalCalls;

  /**
   * `calleeOf` names the function a call expression calls (the resolver's `nameOf`); `confined`
   * tells whether a read of a name or path sits under a check that confines it to allowed values
   * (`if kind in ALLOWED:`), which makes it as harmless as a literal where it is spliced;
   * `quoting` names functions whose result is harmless in the context this classifier judges
   * (shlex.quote for shell commands), and only there.
   */
  constructor(
    private readonly bindings: Bindings,
    private readonly calleeOf: (fn: SyntaxNode) => string | undefined,
    private readonly confined: (read: SyntaxNode) => boolean = () => false,
    private readonly quoting: readonly string[] = [],
  ) {
    const budget = budgetFor(bindings.count);
    // Kinds only grow along literal < unknown < formatted as their parts do, so a cycle (a
    // loop that rebuilds `q` from `q`) can start from literal and iterate to a fixed point.
    this.kinds = new NameMemo<ValueKind>({ guess: 'literal', iterate: true, giveUp: 'unknown' }, budget);
    this.constants = new NameMemo<Constant | undefined>({ guess: undefined, iterate: false, giveUp: undefined }, budget);
    this.localCalls = new LocalCalls(bindings);
  }

  kindOf(node: SyntaxNode): ValueKind {
    return this.classify(node, 0);
  }

  /**
   * The exact value of a literal expression, or of a name all of whose bindings that reach
   * the read assign the same literal; undefined when not known. Strings with escape sequences count as unknown:
   * rules compare constants with plain words and paths, which never need them.
   */
  constantOf(node: SyntaxNode): Constant | undefined {
    return this.constant(node, 0);
  }

  /**
   * A text built from a fixed start and parts known only at run time, those parts written `{…}`
   * (`f"s3a://landing/{run_date}/"`, `BASE + name`): how lineage names a dataset the code chooses
   * per run. Only f-strings and `+` chains; undefined when the text does not start fixed.
   */
  templateOf(node: SyntaxNode): string | undefined {
    const pieces = this.templatePieces(node, 0);
    return pieces && pieces.length > 1 && pieces[0]!.fixed ? pieces.map((p) => p.text).join('') : undefined;
  }

  /**
   * A string expression as pieces written in the code and parts known only at run time, wherever
   * the fixed text is: f-strings, `+` chains and `"…{x}…".format(…)`, with the constants they
   * splice filled in. Undefined for an expression that is no such string.
   */
  piecesOf(node: SyntaxNode): TemplatePiece[] | undefined {
    const pieces = this.templatePieces(node, 0);
    return pieces?.some((p) => p.fixed) ? pieces : undefined;
  }

  /**
   * The items of a list or tuple literal, or of a name whose one reaching binding assigns one
   * and that nothing fills later (`cmd = ["docker", "run", …]`; an `append` makes it unknown).
   */
  sequenceOf(node: SyntaxNode): SyntaxNode[] | undefined {
    if (node.type === 'list' || node.type === 'tuple') return node.namedChildren.filter((c) => c.type !== 'comment');
    const bindings = node.type === 'identifier' ? this.bindings.visibleAt(node.text, node) : undefined;
    const [only] = bindings ?? [];
    return bindings?.length === 1 && only!.kind === 'assign' && (only!.value.type === 'list' || only!.value.type === 'tuple') ? this.sequenceOf(only!.value) : undefined;
  }

  private templatePieces(node: SyntaxNode, depth: number): TemplatePiece[] | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const constant = this.constant(node, depth);
    if (typeof constant === 'string') return [{ text: constant, fixed: true }];
    if (node.type === 'string' && node.descendantsOfType('interpolation').length > 0) {
      return node.namedChildren.flatMap((c) =>
        c.type === 'string_content' ? [{ text: c.text, fixed: true }] : c.type === 'interpolation' ? [this.interpolated(c, depth)] : [],
      );
    }
    const formatted = this.formatPieces(node, depth);
    if (formatted) return formatted;
    if (node.type === 'binary_operator' && node.childForFieldName('operator')?.text === '+') {
      const [left, right] = [node.childForFieldName('left'), node.childForFieldName('right')];
      const parts = left && right ? [this.templatePieces(left, depth + 1), this.templatePieces(right, depth + 1)] : [];
      return parts.length === 2 && parts.every(Boolean) ? parts.flatMap((p) => p!) : undefined;
    }
    // A name assigned a template once: `cmd = f"ssh {host} …"; os.system(cmd)`.
    const bindings = node.type === 'identifier' ? this.bindings.visibleAt(node.text, node) : undefined;
    const assigned = bindings?.length === 1 && bindings[0]!.kind === 'assign' ? this.templatePieces(bindings[0]!.value, depth + 1) : undefined;
    return assigned?.some((p) => p.fixed) ? assigned : [slot(node)];
  }

  /** An f-string's `{expression}`: its text when the expression is a constant string shown as is, else a slot. */
  private interpolated(interpolation: SyntaxNode, depth: number): TemplatePiece {
    const [expression, ...rest] = interpolation.namedChildren;
    const value = expression && rest.length === 0 ? this.constant(expression, depth + 1) : undefined;
    return typeof value === 'string' ? { text: value, fixed: true } : slot(expression);
  }

  /** `"…{name}…{0}…{}…".format(…)` of a constant string: fields with a constant string argument and no conversion or spec are filled in. */
  private formatPieces(node: SyntaxNode, depth: number): TemplatePiece[] | undefined {
    const fn = node.type === 'call' ? node.childForFieldName('function') : undefined;
    const receiver = fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'format' ? fn.childForFieldName('object') : undefined;
    const format = receiver ? this.constant(receiver, depth + 1) : undefined;
    if (typeof format !== 'string') return undefined;
    const args = node.childForFieldName('arguments')?.namedChildren ?? [];
    const positional = args.filter((a) => a.type !== 'keyword_argument' && a.type !== 'list_splat' && a.type !== 'dictionary_splat');
    const keyword = new Map(args.flatMap((a) => (a.type === 'keyword_argument' ? [[a.childForFieldName('name')?.text ?? '', a.childForFieldName('value')!] as const] : [])));
    const pieces: TemplatePiece[] = [];
    let next = 0;
    for (const part of format.split(/(\{\{|\}\}|\{[^{}]*\})/)) {
      if (part === '{{' || part === '}}') pieces.push({ text: part[0]!, fixed: true });
      else if (!part.startsWith('{')) pieces.push({ text: part, fixed: true });
      else {
        const field = part.slice(1, -1);
        const argument = field === '' ? positional[next++] : /^\d+$/.test(field) ? positional[Number(field)] : keyword.get(field);
        const value = argument ? this.constant(argument, depth + 1) : undefined;
        pieces.push(typeof value === 'string' ? { text: value, fixed: true } : slot(argument));
      }
    }
    return pieces.filter((p) => p.text !== '' || !p.fixed);
  }

  /** Python truthiness of a constant expression; undefined when not known. */
  truthOf(node: SyntaxNode): boolean | undefined {
    const value = this.constantOf(node);
    if (value === undefined) return undefined;
    if (typeof value === 'string') return value.length > 0;
    if (typeof value === 'number') return value !== 0;
    return value === true;
  }

  private classify(node: SyntaxNode, depth: number): ValueKind {
    // Past this depth the expression is too deep to be worth proving literal.
    if (depth > MAX_DEPTH) return 'unknown';
    const next = (child: SyntaxNode) => this.classify(child, depth + 1);
    switch (node.type) {
      case 'string':
        return this.stringKind(node, next);
      case 'concatenated_string':
        return combine(node.namedChildren.map(next));
      case 'parenthesized_expression':
      case 'unary_operator':
      case 'not_operator':
        return node.namedChildren.length === 1 ? next(node.namedChildren[0]!) : 'unknown';
      case 'comparison_operator':
        return allLiteral(node.namedChildren.map(next));
      case 'boolean_operator':
        // `a or b` is one of its operands, not something built from them.
        return combine(node.namedChildren.map(next));
      case 'conditional_expression': {
        const [then, , otherwise] = node.namedChildren;
        return then && otherwise ? combine([next(then), next(otherwise)]) : 'unknown';
      }
      case 'binary_operator':
        return this.binaryKind(node, next, depth);
      case 'dictionary':
        return allLiteral(node.namedChildren.flatMap((pair) => pair.namedChildren).map(next));
      case 'identifier':
        return this.confined(node) ? 'literal' : this.nameKind(node, depth);
      case 'attribute':
        return this.confined(node) ? 'literal' : 'unknown';
      case 'subscript': {
        // An item of a literal text or container is literal (`env["MODE"]` after `env = {}; env["MODE"] = "fast"`).
        const value = node.childForFieldName('value');
        return this.confined(node) || (value && next(value) === 'literal') ? 'literal' : 'unknown';
      }
      case 'call':
        return this.callKind(node, next);
      default:
        if (LITERAL_TYPES.has(node.type)) return 'literal';
        if (CONTAINER_TYPES.has(node.type)) return allLiteral(node.namedChildren.map(next));
        if (COMPREHENSIONS.has(node.type) && node.namedChildren[0]) return allLiteral([next(node.namedChildren[0])]);
        return 'unknown';
    }
  }

  private stringKind(node: SyntaxNode, next: (n: SyntaxNode) => ValueKind): ValueKind {
    const interpolations = node.namedChildren.filter((c) => c.type === 'interpolation');
    if (interpolations.length === 0) return 'literal';
    const parts = interpolations.map((i) => (i.namedChildren[0] ? next(i.namedChildren[0]) : 'unknown'));
    return parts.every((p) => p === 'literal') ? 'literal' : 'formatted';
  }

  private binaryKind(node: SyntaxNode, next: (n: SyntaxNode) => ValueKind, depth: number): ValueKind {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    const operator = node.childForFieldName('operator')?.text ?? '';
    if (!left || !right) return 'unknown';
    const l = next(left);
    const r = next(right);
    if (l === 'literal' && r === 'literal') return 'literal';
    // `" " * i`: repeats of a literal text hold nothing else, whatever the count.
    if (operator === '*' && ((l === 'literal' && this.isSequence(left, depth)) || (r === 'literal' && this.isSequence(right, depth)))) return 'literal';
    // `template % "name"`: literal arguments fill the template with nothing from outside; it is what the template is.
    if (operator === '%' && r === 'literal') return l;
    if (!STRING_BUILDING_OPERATORS.has(operator)) return 'unknown';
    if (l === 'formatted' || r === 'formatted') return 'formatted';
    return this.isString(left, depth) || this.isString(right, depth) ? 'formatted' : 'unknown';
  }

  private callKind(node: SyntaxNode, next: (n: SyntaxNode) => ValueKind): ValueKind {
    const fn = node.childForFieldName('function');
    if (!fn) return 'unknown';
    const args = (node.childForFieldName('arguments')?.namedChildren ?? []).map((a) =>
      a.type === 'keyword_argument' ? (a.childForFieldName('value') ?? a) : a,
    );
    const method = fn.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
    const receiver = fn.childForFieldName('object');
    if (method && receiver && STRING_METHODS.has(method)) {
      // No other literal (number, list, dict…) has these methods, so a literal receiver is a string.
      const base = next(receiver);
      if (base !== 'literal') return base;
      return args.every((a) => next(a) === 'literal') ? 'literal' : 'formatted';
    }
    const callee = this.calleeOf(fn);
    if (callee && (NUMBER_FUNCTIONS.has(callee) || this.quoting.includes(callee))) return 'literal';
    if (callee && CONTAINER_BUILDERS.has(callee)) {
      const positional = (node.childForFieldName('arguments')?.namedChildren ?? []).filter((a) => a.type !== 'keyword_argument' && a.type !== 'comment');
      return allLiteral(positional.map(next));
    }
    return callee && STRING_FUNCTIONS.has(callee) && args[0] ? next(args[0]) : 'unknown';
  }

  private nameKind(node: SyntaxNode, depth: number): ValueKind {
    const bindings = this.bindings.visibleAt(node.text, node);
    if (!bindings) return 'unknown';
    return this.kinds.get(bindingsKey(bindings), () =>
      combine(
        bindings.map((b): ValueKind => {
          if (b.kind === 'assign') return this.classify(b.value, depth + 1);
          if (b.kind === 'element') return this.elementKind(b.value, depth + 1);
          // `def purge(days: int)`: declared a number, its text carries no quote (as a SQL `days int` is taken).
          if (b.kind === 'param') return declaredInert(b.fn, node.text) ? 'literal' : this.passedKind(b.fn, node.text, depth);
          if (b.kind === 'augment') {
            const added = this.classify(b.value, depth + 1);
            if (added === 'literal') return 'literal';
            return b.operator === '+=' || b.operator === '%=' ? 'formatted' : 'unknown';
          }
          return 'unknown';
        }),
      ),
    );
  }

  /** A parameter of a helper only this file calls: what its calls pass, each as the caller has it. */
  private passedKind(fn: SyntaxNode, name: string, depth: number): ValueKind {
    const passed = this.localCalls.argumentsFor(fn, name);
    return passed ? combine(passed.map((argument) => this.classify(argument, depth + 1))) : 'unknown';
  }

  /**
   * An element of what a loop or an unpacking runs over: a number of `range()`, a part of a
   * literal, or of a literal walked by `enumerate()`, `zip()`, `sorted()`… or a literal dict's
   * `.items()`, `.keys()`, `.values()`.
   */
  private elementKind(iterable: SyntaxNode, depth: number): ValueKind {
    if (iterable.type !== 'call') return this.classify(iterable, depth) === 'literal' ? 'literal' : 'unknown';
    const fn = iterable.childForFieldName('function');
    const args = iterable.childForFieldName('arguments')?.namedChildren ?? [];
    const callee = fn ? this.calleeOf(fn) : undefined;
    if (callee === 'builtins.range') return 'literal';
    const walked = callee && ELEMENT_WALKERS.has(callee) ? args : fn?.type === 'attribute' && DICT_VIEWS.has(fn.childForFieldName('attribute')?.text ?? '') ? [fn.childForFieldName('object')!] : [];
    return walked.length > 0 && walked.every((a) => this.classify(a, depth) === 'literal') ? 'literal' : 'unknown';
  }

  /** A text or list literal (or a name holding a constant text): what `*` repeats rather than multiplies. */
  private isSequence(node: SyntaxNode, depth: number): boolean {
    return node.type === 'list' || node.type === 'tuple' || this.isString(node, depth);
  }

  /** A string value: a string literal, or a name or expression that is a constant string. */
  private isString(node: SyntaxNode, depth: number): boolean {
    return node.type === 'string' || node.type === 'concatenated_string' || typeof this.constant(node, depth) === 'string';
  }

  private constant(node: SyntaxNode, depth: number): Constant | undefined {
    if (depth > MAX_DEPTH) return undefined;
    switch (node.type) {
      case 'string':
        return stringConstant(node);
      case 'concatenated_string': {
        const parts = node.namedChildren.map(stringConstant);
        return parts.every((p) => p !== undefined) ? parts.join('') : undefined;
      }
      case 'integer': {
        const value = Number(node.text.replace(/_/g, ''));
        return Number.isNaN(value) ? undefined : value;
      }
      case 'true':
        return true;
      case 'false':
        return false;
      case 'none':
        return null;
      case 'parenthesized_expression':
        return node.namedChildren.length === 1 ? this.constant(node.namedChildren[0]!, depth + 1) : undefined;
      case 'identifier':
        return this.nameConstant(node, depth);
      default:
        return undefined;
    }
  }

  private nameConstant(node: SyntaxNode, depth: number): Constant | undefined {
    const bindings = this.bindings.visibleAt(node.text, node);
    if (!bindings) return undefined;
    return this.constants.get(bindingsKey(bindings), () => {
      let value: Constant | undefined;
      for (const [i, b] of bindings.entries()) {
        if (b.kind !== 'assign') return undefined;
        const v = this.constant(b.value, depth + 1);
        if (v === undefined || (i > 0 && v !== value)) return undefined;
        value = v;
      }
      return value;
    });
  }
}

function stringConstant(node: SyntaxNode): string | undefined {
  if (node.type !== 'string') return undefined;
  const parts = node.namedChildren.filter((c) => c.type !== 'string_start' && c.type !== 'string_end');
  if (parts.some((p) => p.type !== 'string_content' || p.descendantsOfType(ESCAPES).length > 0)) return undefined;
  return parts.map((p) => p.text).join('');
}

export interface TemplatePiece {
  text: string;
  /** Written in the code, rather than known only at run time. */
  fixed: boolean;
}

/** A part of a template known only at run time, named by its (short) expression. */
function slot(expression: SyntaxNode | undefined): TemplatePiece {
  const text = expression?.text.replace(/\s+/g, ' ') ?? '';
  return { text: text.length > 0 && text.length <= 40 ? `{${text}}` : '{…}', fixed: false };
}

/** All literal → literal; any formatted → formatted; else unknown. */
function combine(kinds: ValueKind[]): ValueKind {
  if (kinds.every((k) => k === 'literal')) return 'literal';
  return kinds.includes('formatted') ? 'formatted' : 'unknown';
}

function allLiteral(kinds: ValueKind[]): ValueKind {
  return kinds.every((k) => k === 'literal') ? 'literal' : 'unknown';
}

/**
 * Annotations that declare a value carrying no text: a web framework (FastAPI) converts a route's
 * parameter to them or refuses the request, and elsewhere the code's own types say so.
 */
const INERT_ANNOTATION = /^(?:Optional\[)?(?:int|float|bool|complex|decimal\.Decimal|Decimal|date|datetime|time|timedelta|datetime\.(?:date|datetime|time|timedelta)|UUID|uuid\.UUID|PositiveInt|NegativeInt|NonNegativeInt|conint\(.*\)|confloat\(.*\))\]?(?:\s*\|\s*None)?$/;

/** Whether the function's parameter `name` is annotated with a type that carries no text. */
export function declaredInert(fn: SyntaxNode, name: string): boolean {
  const param = fn.childForFieldName('parameters')?.namedChildren.find(
    (p) => (p.type === 'typed_parameter' || p.type === 'typed_default_parameter') && (p.childForFieldName('name') ?? p.namedChildren[0])?.text === name,
  );
  const annotation = param?.childForFieldName('type');
  return annotation !== null && annotation !== undefined && INERT_ANNOTATION.test(annotation.text.replace(/\s+/g, ' ').trim());
}
