import { LockfileError } from './errors.js';

/** A decoded JSON object, TOML table or YAML mapping. */
export type Table = { [key: string]: unknown };

/** Plain objects only: smol-toml builds null-prototype tables, and its dates are objects that are not tables. */
export function isTable(value: unknown): value is Table {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Typed access to one table of a decoded lockfile. Every wrong type becomes a LockfileError that
 * names the entry and, where known, carries its line, so a hand-edited lockfile is reported as
 * `package "jinja2": "version" must be a string` at line 12 rather than as a TypeError.
 *
 * Absent means missing or null — and, for tables and lists, the empty string too, which is what a
 * YAML key without a value decodes to under the failsafe schema the YAML formats are read with.
 */
export class Fields {
  private constructor(
    readonly table: Table,
    readonly file: string,
    readonly label: string,
    readonly line: number | undefined,
  ) {}

  static of(value: unknown, file: string, label: string, line?: number): Fields {
    if (!isTable(value)) throw new LockfileError(file, `${label} must be a mapping`, line);
    return new Fields(value, file, label, line);
  }

  fail(reason: string): never {
    throw new LockfileError(this.file, `${this.label}: ${reason}`, this.line);
  }

  has(key: string): boolean {
    return !isAbsent(this.table[key]);
  }

  optionalString(key: string): string | undefined {
    const value = this.table[key];
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string') this.fail(`"${key}" must be a string`);
    return value;
  }

  string(key: string): string {
    return this.optionalString(key) ?? this.fail(`"${key}" is missing`);
  }

  /** A sub-table, labelled `label: "key"` for its errors, or undefined when absent. */
  fields(key: string): Fields | undefined {
    const value = this.table[key];
    if (isAbsent(value)) return undefined;
    return Fields.of(value, this.file, `${this.label}: "${key}"`, this.line);
  }

  /** The members of an optional sub-table (dependency maps, package maps), unchecked. */
  entries(key: string): Array<[string, unknown]> {
    return Object.entries(this.fields(key)?.table ?? {});
  }

  /** The entries of an optional sub-table whose values must be strings. */
  stringMap(key: string): Array<[string, string]> {
    const sub = this.fields(key);
    return sub ? Object.keys(sub.table).map((name) => [name, sub.string(name)]) : [];
  }

  list(key: string): unknown[] {
    const value = this.table[key];
    if (isAbsent(value)) return [];
    if (!Array.isArray(value)) this.fail(`"${key}" must be a list`);
    return value;
  }

  strings(key: string): string[] {
    return this.list(key).map((item) => (typeof item === 'string' ? item : this.fail(`"${key}" must hold strings`)));
  }

  /** A list of tables, each labelled `label: "key"[i]` for its errors. */
  tables(key: string): Fields[] {
    return this.list(key).map((item, i) => Fields.of(item, this.file, `${this.label}: "${key}"[${i}]`, this.line));
  }

  /** An optional boolean: JSON/TOML booleans, or "true"/"false" as failsafe YAML gives them. */
  flag(key: string): boolean | undefined {
    const value = this.table[key];
    if (value === undefined || value === null) return undefined;
    if (value === true || value === 'true') return true;
    if (value === false || value === 'false') return false;
    return this.fail(`"${key}" must be true or false`);
  }
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || value === '';
}
