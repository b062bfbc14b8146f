import { LineIndex } from './lines.js';

/**
 * A SQL tokenizer good enough for pattern rules across dialects (PostgreSQL, MySQL, T-SQL,
 * Snowflake, BigQuery): it never needs a grammar, only to know what is code and what is a
 * comment or the inside of a string.
 */
export type TokenType =
  /** Keywords, identifiers, `@variables`, `#temp` tables, and masked Jinja expressions. */
  | 'word'
  /** `"identifier"` and `` `identifier` ``: quoted names (strings, in MySQL's default mode). */
  | 'quoted'
  | 'string'
  | 'number'
  /** `$1`, `?` and `:name` placeholders. */
  | 'param'
  /** A `$$` or `$tag$` dollar-quote delimiter. */
  | 'dollar'
  | 'op';

export interface Token {
  type: TokenType;
  /** The text, lower-cased for words so rules compare keywords directly. */
  text: string;
  start: number;
  end: number;
  /** Inside a dollar-quoted body: a function, procedure or DO block. */
  inBody: boolean;
}

export interface Tokens {
  tokens: Token[];
  problems: string[];
}

const WORD = /[\p{L}\p{N}_$@#]/u;
const MULTI_OPS = ['||', ':=', '::', '+=', '<=', '>=', '<>', '!=', '=>', '->>', '->'];
/** One-letter prefixes of string literals: E'..' (escapes), N'..' (national), B'..', X'..', R'..'. */
const STRING_PREFIXES = new Set(['e', 'n', 'b', 'x', 'r']);
const DOLLAR_QUOTE = /\$([A-Za-z_][A-Za-z0-9_]*)?\$/y;

/**
 * Splits SQL into tokens, dropping comments. Backslash escapes are honoured inside strings (MySQL,
 * BigQuery, Snowflake and Spark treat them so), except a backslash before a quote that ends the
 * literal, as it does in PostgreSQL and T-SQL (see `endsLiteral`).
 * Dollar-quoted text is tokenized as code, because in practice it is a routine body; the
 * delimiters become tokens and mark what lies between them as `inBody`. `#` starts a MySQL comment
 * only when followed by a space or the line end, so T-SQL `#temp` tables stay words.
 */
export function tokenize(text: string): Tokens {
  const tokens: Token[] = [];
  const problems: string[] = [];
  const openTags: string[] = [];
  const push = (type: TokenType, start: number, end: number) => {
    const raw = text.slice(start, end);
    tokens.push({ type, text: type === 'word' ? raw.toLowerCase() : raw, start, end, inBody: openTags.length > 0 });
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    const next = text[i + 1];
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f') {
      i++;
    } else if ((c === '-' && next === '-') || (c === '#' && (next === undefined || /\s/.test(next)))) {
      const eol = text.indexOf('\n', i);
      i = eol === -1 ? text.length : eol + 1;
    } else if (c === '/' && next === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close === -1) {
        problems.push(unterminated('comment', text, i));
        break;
      }
      i = close + 2;
    } else if (c === "'" || c === '"' || c === '`') {
      const end = quotedEnd(text, i);
      if (end === -1) {
        problems.push(unterminated(c === "'" ? 'string literal' : 'quoted identifier', text, i));
        break;
      }
      push(c === "'" ? 'string' : 'quoted', i, end);
      i = end;
    } else if (c === '$') {
      DOLLAR_QUOTE.lastIndex = i;
      const tag = DOLLAR_QUOTE.exec(text)?.[0];
      if (tag) {
        // A delimiter equal to the innermost open one closes it; any other opens a nested body.
        if (openTags.at(-1) === tag) openTags.pop();
        else openTags.push(tag);
        tokens.push({ type: 'dollar', text: tag, start: i, end: i + tag.length, inBody: openTags.length > 0 });
        i += tag.length;
      } else {
        const end = runEnd(text, i + 1, /[0-9]/);
        push(end > i + 1 ? 'param' : 'op', i, Math.max(end, i + 1));
        i = Math.max(end, i + 1);
      }
    } else if (c >= '0' && c <= '9') {
      const end = runEnd(text, i, /[0-9A-Za-z_.]/);
      push('number', i, end);
      i = end;
    } else if (WORD.test(c)) {
      const end = runEnd(text, i, WORD);
      if (end === i + 1 && text[end] === "'" && STRING_PREFIXES.has(c.toLowerCase())) {
        const close = quotedEnd(text, end);
        if (close === -1) {
          problems.push(unterminated('string literal', text, i));
          break;
        }
        push('string', i, close);
        i = close;
      } else {
        push('word', i, end);
        i = end;
      }
    } else if (c === ':' && next !== undefined && /[A-Za-z_]/.test(next)) {
      const end = runEnd(text, i + 1, WORD);
      push('param', i, end);
      i = end;
    } else if (c === '?') {
      push('param', i, i + 1);
      i++;
    } else {
      const op = MULTI_OPS.find((o) => text.startsWith(o, i)) ?? c;
      push('op', i, i + op.length);
      i += op.length;
    }
  }
  return { tokens, problems };
}

/** Offset just past the quote closing the one at `open` (doubled quotes and backslashes escape); -1 if none. */
function quotedEnd(text: string, open: number): number {
  const quote = text[open]!;
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && quote !== '`' && !(text[i + 1] === quote && endsLiteral(text, i + 2))) i++;
    else if (c === quote) {
      if (text[i + 1] !== quote) return i + 1;
      i++;
    }
  }
  return -1;
}

/**
 * Whether a quote followed by the text at `i` reads as the end of a literal. Used to settle `\'`:
 * MySQL reads it as an escaped quote, PostgreSQL and T-SQL as a backslash ending the literal
 * ('D:\exports\'); a separator or the end of input after it means the latter.
 */
function endsLiteral(text: string, i: number): boolean {
  return i >= text.length || /[\s,;)]/.test(text[i]!);
}

function runEnd(text: string, from: number, chars: RegExp): number {
  let i = from;
  while (i < text.length && chars.test(text[i]!)) i++;
  return i;
}

function unterminated(what: string, text: string, at: number): string {
  return `unterminated ${what} at line ${new LineIndex(text).position(at).line}; the rest of the file was not analysed`;
}
