/**
 * A JSON parser that keeps where each value sits in the raw text. Findings in a notebook must
 * point at lines of the .ipynb file itself (code-scanning viewers show that file), so every
 * string carries its line and columns. It is iterative over text and bounded in depth, so a
 * hostile file ends in a JsonError rather than a stack overflow.
 */

/** 1-based line and column (in UTF-16 units, as editors and SARIF count them). */
export interface Position {
  line: number;
  column: number;
}

export interface JsonString {
  kind: 'string';
  value: string;
  at: Position;
  /** Column just after the closing quote; JSON strings never span lines. */
  endColumn: number;
}

export interface JsonArray {
  kind: 'array';
  items: JsonNode[];
  at: Position;
}

export interface JsonObject {
  kind: 'object';
  /** A Map, so keys such as `__proto__` are plain keys; a repeated key keeps its last value, as JSON.parse does. */
  members: Map<string, JsonNode>;
  at: Position;
}

export interface JsonScalar {
  kind: 'scalar';
  value: number | boolean | null;
  at: Position;
}

export type JsonNode = JsonString | JsonArray | JsonObject | JsonScalar;

export class JsonError extends Error {}

/** Real notebooks nest a dozen levels (widget state a few more); far deeper is hostile. */
export const MAX_JSON_DEPTH = 256;

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

export function parseJson(text: string): JsonNode {
  return new Parser(text).document();
}

class Parser {
  private i = 0;
  private line = 1;
  private lineStart = 0;

  constructor(private readonly text: string) {}

  document(): JsonNode {
    this.space();
    const value = this.value(0);
    this.space();
    if (this.i < this.text.length) this.fail('unexpected text after the end of the document');
    return value;
  }

  private value(depth: number): JsonNode {
    const at = this.position();
    const c = this.text[this.i];
    if (c === '{' || c === '[') {
      if (depth >= MAX_JSON_DEPTH) this.fail(`nested deeper than ${MAX_JSON_DEPTH} levels`);
      return c === '{' ? this.object(at, depth + 1) : this.array(at, depth + 1);
    }
    if (c === '"') return this.string();
    return this.scalar(at);
  }

  private object(at: Position, depth: number): JsonObject {
    const members = new Map<string, JsonNode>();
    this.i++;
    this.space();
    if (this.eat('}')) return { kind: 'object', members, at };
    for (;;) {
      if (this.text[this.i] !== '"') this.fail('expected a member name in double quotes');
      const key = this.string().value;
      this.space();
      if (!this.eat(':')) this.fail('expected ":" after a member name');
      this.space();
      members.set(key, this.value(depth));
      this.space();
      if (this.eat('}')) return { kind: 'object', members, at };
      if (!this.eat(',')) this.fail('expected "," or "}" in an object');
      this.space();
    }
  }

  private array(at: Position, depth: number): JsonArray {
    const items: JsonNode[] = [];
    this.i++;
    this.space();
    if (this.eat(']')) return { kind: 'array', items, at };
    for (;;) {
      items.push(this.value(depth));
      this.space();
      if (this.eat(']')) return { kind: 'array', items, at };
      if (!this.eat(',')) this.fail('expected "," or "]" in an array');
      this.space();
    }
  }

  private string(): JsonString {
    const at = this.position();
    const start = this.i;
    let escaped = false;
    let i = start + 1;
    for (;;) {
      if (i >= this.text.length) this.fail('unterminated string');
      const c = this.text.charCodeAt(i);
      if (c === QUOTE) break;
      if (c < 0x20) this.fail('control character inside a string');
      if (c === BACKSLASH) {
        escaped = true;
        i += 2;
      } else {
        i++;
      }
    }
    this.i = i + 1;
    const raw = this.text.slice(start, this.i);
    // The native parser decodes escapes (\n, \u00e9, surrogate pairs) exactly; plain strings skip it.
    let value: string;
    try {
      value = escaped ? (JSON.parse(raw) as string) : raw.slice(1, -1);
    } catch {
      this.i = start;
      this.fail('invalid escape in a string');
    }
    return { kind: 'string', value, at, endColumn: this.i - this.lineStart + 1 };
  }

  private scalar(at: Position): JsonScalar {
    for (const [word, value] of [['true', true], ['false', false], ['null', null]] as const) {
      if (this.text.startsWith(word, this.i)) {
        this.i += word.length;
        return { kind: 'scalar', value, at };
      }
    }
    NUMBER.lastIndex = this.i;
    const match = NUMBER.exec(this.text);
    if (!match) this.fail(this.i >= this.text.length ? 'unexpected end of the document' : 'expected a value');
    this.i = NUMBER.lastIndex;
    return { kind: 'scalar', value: Number(match[0]), at };
  }

  private space(): void {
    for (; this.i < this.text.length; this.i++) {
      const c = this.text.charCodeAt(this.i);
      if (c === NEWLINE) {
        this.line++;
        this.lineStart = this.i + 1;
      } else if (c !== 0x20 && c !== 0x09 && c !== 0x0d) {
        return;
      }
    }
  }

  private eat(char: string): boolean {
    if (this.text[this.i] !== char) return false;
    this.i++;
    return true;
  }

  private position(): Position {
    return { line: this.line, column: this.i - this.lineStart + 1 };
  }

  private fail(what: string): never {
    const { line, column } = this.position();
    throw new JsonError(`invalid JSON at line ${line}, column ${column}: ${what}`);
  }
}

/** The member `key` of an object node, if the node is an object and has it. */
export function member(node: JsonNode | undefined, key: string): JsonNode | undefined {
  return node?.kind === 'object' ? node.members.get(key) : undefined;
}

/** The text of a string member, if it is a string. */
export function stringMember(node: JsonNode | undefined, key: string): string | undefined {
  const value = member(node, key);
  return value?.kind === 'string' ? value.value : undefined;
}
