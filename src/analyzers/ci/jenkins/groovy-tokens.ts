/**
 * Just enough of Groovy's lexical grammar to read a Jenkinsfile's steps: words, punctuation and
 * string literals, comments skipped. Strings keep where their body sits in the file; double-quoted
 * ones (GStrings) list the `${…}` and `$name.path` parts Groovy fills in before the step runs.
 */
export type GroovyToken =
  | { kind: 'word'; text: string; start: number; end: number }
  | { kind: 'punct'; text: string; start: number; end: number }
  | GroovyString;

export interface GroovyString {
  kind: 'string';
  text: string;
  start: number;
  end: number;
  /** The body between the quotes, as written (escapes left in), and where it starts in the file. */
  body: string;
  bodyStart: number;
  /** The parts Groovy interpolates (double-quoted strings only). */
  interpolations: Interpolation[];
}

export interface Interpolation {
  /** The expression inside `${…}`, or the `name.path` after a bare `$`. */
  expression: string;
  /** Offsets in the file of the whole part, `$` included. */
  start: number;
  end: number;
}

const WORD = /[A-Za-z_$][\w$]*/y;
const NUMBER = /\d[\w.]*/y;

export function groovyTokens(text: string): GroovyToken[] {
  const tokens: GroovyToken[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) i++;
    else if (text.startsWith('//', i)) i = lineEnd(text, i);
    else if (text.startsWith('/*', i)) i = text.indexOf('*/', i + 2) === -1 ? text.length : text.indexOf('*/', i + 2) + 2;
    else if (c === '"' || c === "'") {
      const string = readString(text, i);
      tokens.push(string);
      i = string.end;
    } else {
      const end = matchEnd(WORD, text, i) ?? matchEnd(NUMBER, text, i);
      tokens.push(end === undefined ? { kind: 'punct', text: c, start: i, end: i + 1 } : { kind: 'word', text: text.slice(i, end), start: i, end });
      i = end ?? i + 1;
    }
  }
  return tokens;
}

/** Where a sticky pattern's match at `at` ends, if it matches there. */
function matchEnd(pattern: RegExp, text: string, at: number): number | undefined {
  pattern.lastIndex = at;
  return pattern.test(text) ? pattern.lastIndex : undefined;
}

function lineEnd(text: string, from: number): number {
  const end = text.indexOf('\n', from);
  return end === -1 ? text.length : end;
}

/** A string literal starting at `start`: '…', "…", '''…''' or """…""" (an unclosed one runs to the end of the file). */
function readString(text: string, start: number): GroovyString {
  const quote = text.startsWith(text[start]!.repeat(3), start) ? text[start]!.repeat(3) : text[start]!;
  const bodyStart = start + quote.length;
  const interpolating = quote.startsWith('"');
  const interpolations: Interpolation[] = [];
  let i = bodyStart;
  while (i < text.length && !text.startsWith(quote, i)) {
    if (text[i] === '\\') i += 2;
    else if (interpolating && text[i] === '$') i = readInterpolation(text, i, interpolations);
    else if (quote.length === 1 && text[i] === '\n') break;
    else i++;
  }
  const bodyEnd = Math.min(i, text.length);
  const end = Math.min(text.startsWith(quote, i) ? i + quote.length : i, text.length);
  return { kind: 'string', text: text.slice(start, end), start, end, body: text.slice(bodyStart, bodyEnd), bodyStart, interpolations };
}

/** Reads `${…}` (braces balanced) or `$name.path` at `at`; returns where reading goes on. */
function readInterpolation(text: string, at: number, out: Interpolation[]): number {
  if (text[at + 1] === '{') {
    let depth = 0;
    for (let i = at + 1; i < text.length; i++) {
      if (text[i] === '{') depth++;
      else if (text[i] === '}' && --depth === 0) {
        out.push({ expression: text.slice(at + 2, i).trim(), start: at, end: i + 1 });
        return i + 1;
      }
    }
    return text.length;
  }
  const name = /^[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*/.exec(text.slice(at + 1, at + 200));
  if (!name) return at + 1;
  out.push({ expression: name[0], start: at, end: at + 1 + name[0].length });
  return at + 1 + name[0].length;
}
