import { parse, TomlError } from 'smol-toml';
import { ManifestError } from './errors.js';
import type { Table } from './shape.js';
import { LineIndex } from './text-lines.js';

/** A key path: table names and keys, with array indices as numbers. */
export type TomlPath = ReadonlyArray<string | number>;

const SEPARATOR = '\u0000';
/**
 * Manifests look keys up a few levels deep; deeper tables and keys are not recorded, which
 * keeps a hostile `[a.a.a.…]` header of thousands of parts from costing quadratic time.
 */
const MAX_DEPTH = 16;

/** Parses TOML into plain tables, with a way back to the line of any key or array element. */
export function readToml(text: string): { doc: Table; lines: TomlLines } {
  let doc: Table;
  try {
    doc = parse(text);
  } catch (error) {
    if (error instanceof TomlError) {
      const reason = error.message.split('\n')[0]!.replace(/^Invalid TOML document:\s*/, '');
      throw new ManifestError(`invalid TOML: ${reason}`, error.line);
    }
    throw new ManifestError(`invalid TOML: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { doc, lines: new TomlLines(text) };
}

/**
 * Lines of keys, tables and array elements. smol-toml gives values without positions, so this
 * re-reads the (already validated) text for just enough structure: table headers, dotted keys
 * and the elements of arrays that are a key's value.
 */
export class TomlLines {
  private readonly lines = new Map<string, number>();

  constructor(text: string) {
    new Scanner(text, this.lines).run();
  }

  /** Line of the key or element at `path`, else of the nearest enclosing key or table. */
  lineOf(path: TomlPath): number | undefined {
    for (let n = path.length; n > 0; n--) {
      const line = this.lines.get(path.slice(0, n).join(SEPARATOR));
      if (line !== undefined) return line;
    }
    return undefined;
  }
}

class Scanner {
  private readonly index: LineIndex;
  private readonly arrayTables = new Map<string, number>();
  private at = 0;

  constructor(
    private readonly text: string,
    private readonly lines: Map<string, number>,
  ) {
    this.index = new LineIndex(text);
  }

  run(): void {
    const { text } = this;
    let table: string[] | undefined = [];
    while ((this.at = this.skipBlank(this.at)) < text.length) {
      const start = this.at;
      if (text[start] === '[') {
        const isArray = text[start + 1] === '[';
        const segments = this.readKey(start + (isArray ? 2 : 1));
        table = segments.length > MAX_DEPTH ? undefined : this.resolveHeader(segments, isArray);
        if (table) this.record(table, start);
      } else {
        const key = this.readKey(start);
        const path = table && table.length + key.length <= MAX_DEPTH ? [...table, ...key] : undefined;
        if (path) this.record(path, start);
        this.at = this.skipSpaces(this.at);
        if (text[this.at] === '=') this.at = this.skipSpaces(this.at + 1);
        if (text[this.at] === '[' && path) this.recordElements(path);
        else this.at = this.skipValue(this.at);
      }
      // Whatever follows a header or a value on its line is a comment: go to the next line.
      const newline = text.indexOf('\n', this.at);
      this.at = newline < 0 ? text.length : newline + 1;
    }
  }

  /** A header's path, with the current index of each array of tables it passes through. */
  private resolveHeader(segments: string[], isArray: boolean): string[] {
    const resolved: string[] = [];
    segments.forEach((segment, i) => {
      resolved.push(segment);
      const key = resolved.join(SEPARATOR);
      const count = this.arrayTables.get(key);
      if (isArray && i === segments.length - 1) {
        this.arrayTables.set(key, (count ?? 0) + 1);
        resolved.push(String(count ?? 0));
      } else if (count !== undefined) {
        resolved.push(String(count - 1));
      }
    });
    return resolved;
  }

  private recordElements(path: string[]): void {
    let i = this.at + 1;
    for (let n = 0; ; n++) {
      i = this.skipBlank(i);
      if (i >= this.text.length || this.text[i] === ']') break;
      this.record([...path, String(n)], i);
      const end = this.skipValue(i);
      i = this.skipBlank(Math.max(end, i + 1));
      if (this.text[i] === ',') i++;
    }
    this.at = i + 1;
  }

  /** A dotted key (bare, "basic" or 'literal' parts); leaves `at` after it. */
  private readKey(from: number): string[] {
    const { text } = this;
    const segments: string[] = [];
    let i = from;
    for (;;) {
      i = this.skipSpaces(i);
      const c = text[i];
      if (c === '"' || c === "'") {
        const end = this.skipValue(i);
        segments.push(unquote(text.slice(i, end)));
        i = end;
      } else {
        const m = /[A-Za-z0-9_-]+/y;
        m.lastIndex = i;
        const bare = m.exec(text);
        if (!bare) break;
        segments.push(bare[0]);
        i = m.lastIndex;
      }
      i = this.skipSpaces(i);
      if (text[i] !== '.') break;
      i++;
    }
    this.at = i;
    return segments;
  }

  /** The end of the value starting at `i`: a string of any kind, an array or inline table, or a bare scalar. */
  private skipValue(i: number): number {
    const { text } = this;
    if (text.startsWith('"""', i) || text.startsWith("'''", i)) {
      const quote = text.slice(i, i + 3);
      let j = i + 3;
      while (j < text.length && !text.startsWith(quote, j)) j += quote === '"""' && text[j] === '\\' ? 2 : 1;
      j += 3;
      while (text[j] === quote[0]) j++;
      return Math.min(j, text.length);
    }
    const c = text[i];
    if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < text.length && text[j] !== c && text[j] !== '\n') j += c === '"' && text[j] === '\\' ? 2 : 1;
      return Math.min(j + 1, text.length);
    }
    if (c === '[' || c === '{') {
      let depth = 0;
      let j = i;
      while (j < text.length) {
        const d = text[j];
        if (d === '"' || d === "'") {
          j = this.skipValue(j);
          continue;
        }
        if (d === '#') j = this.skipComment(j);
        else if (d === '[' || d === '{') depth++;
        else if ((d === ']' || d === '}') && --depth === 0) return j + 1;
        j++;
      }
      return j;
    }
    let j = i;
    while (j < text.length && !',]}#\n'.includes(text[j]!)) j++;
    return j;
  }

  private skipBlank(i: number): number {
    const { text } = this;
    while (i < text.length) {
      if (text[i] === '#') i = this.skipComment(i);
      else if (/\s/.test(text[i]!)) i++;
      else break;
    }
    return i;
  }

  private skipSpaces(i: number): number {
    while (this.text[i] === ' ' || this.text[i] === '\t') i++;
    return i;
  }

  /** The position of the newline ending the comment at `i` (or the end). */
  private skipComment(i: number): number {
    const newline = this.text.indexOf('\n', i);
    return newline < 0 ? this.text.length : newline;
  }

  private record(path: string[], offset: number): void {
    const key = path.join(SEPARATOR);
    if (!this.lines.has(key)) this.lines.set(key, this.index.lineAt(offset));
  }
}

/** A quoted key's text; escapes TOML shares with JSON are decoded, others left as written. */
function unquote(quoted: string): string {
  if (quoted.startsWith("'")) return quoted.slice(1, -1);
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return quoted.slice(1, -1);
  }
}
