import { decodeYaml, type DecodedYaml } from '../lockfiles/yaml.js';

/** A YAML config read with every scalar a string, and the line where each setting is written. */
export class YamlSettings {
  private readonly decoded: DecodedYaml;
  private readonly lines: string[];

  constructor(text: string, file: string) {
    this.decoded = decodeYaml(text, file);
    this.lines = text.split(/\r\n|\r|\n/);
  }

  /** The value at `path`, undefined where the document has none. */
  get(path: readonly string[]): unknown {
    let value = this.decoded.data;
    for (const key of path) value = isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined;
    return value;
  }

  /** The string items of the list at `path` (a lone string counts as one). */
  strings(path: readonly string[]): string[] {
    const value = this.get(path);
    return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
  }

  /** The line of the key at `path`, or of `item` written at or after it (a list entry); 1 when not found. */
  lineOf(path: readonly string[], item?: string): number {
    const keyLine = this.decoded.keyLines(path.slice(0, -1)).get(path.at(-1)!) ?? 1;
    if (item === undefined) return keyLine;
    const at = this.lines.findIndex((text, i) => i + 1 >= keyLine && text.includes(item));
    return at === -1 ? keyLine : at + 1;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
