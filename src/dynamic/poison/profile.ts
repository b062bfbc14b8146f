import { cellText, type Dataset } from './table/dataset.js';

export type ColumnKind = 'id' | 'number' | 'timestamp' | 'email' | 'category' | 'text' | 'other';

/** What a JSON Schema says about one property, as far as poisoning cares. */
export interface SchemaBounds {
  minimum?: number;
  maximum?: number;
  enum?: unknown[];
}

export interface ColumnProfile {
  name: string;
  kind: ColumnKind;
  /** Non-empty cells. */
  filled: number;
  /** Distinct non-empty values, as text, most frequent first (kept for categories only). */
  categories: string[];
  /** Numbers only. */
  integer: boolean;
  min: number;
  max: number;
  mean: number;
  std: number;
  schema: SchemaBounds;
}

export interface SampleProfile {
  rows: number;
  columns: ColumnProfile[];
  /** A column naming each record uniquely, used to follow records through the pipeline. */
  idColumn: string | undefined;
}

const NUMBER = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;
const TIMESTAMP = /^\s*(\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2})?)?|\d{1,2}[/.]\d{1,2}[/.]\d{4}( \d{1,2}:\d{2}(:\d{2})?)?)/;
const EMAIL = /^\s*[^@\s]+@[^@\s]+\.[^@\s]+\s*$/;
const ID_NAME = /^(id|uuid|guid|key)$|[_-](id|uuid|key)$|Id$/i;
const MAX_CATEGORIES = 20;

/** Profiles the clean sample: what kind of values each column holds and their range. */
export function profileSample(dataset: Dataset, schema: Record<string, SchemaBounds> = {}): SampleProfile {
  const columns = dataset.columns.map((name) => profileColumn(name, dataset.rows.map((r) => r[name]), schema[name] ?? {}));
  const idColumn = columns.find((c) => c.kind === 'id')?.name;
  return { rows: dataset.rows.length, columns, idColumn };
}

function profileColumn(name: string, raw: unknown[], schema: SchemaBounds): ColumnProfile {
  const values = raw.filter((v) => v !== null && v !== undefined && cellText(v).trim() !== '');
  const texts = values.map((v) => cellText(v).trim());
  const counts = new Map<string, number>();
  for (const t of texts) counts.set(t, (counts.get(t) ?? 0) + 1);
  const numbers = texts.every((t) => NUMBER.test(t)) ? texts.map(Number) : [];
  const base: ColumnProfile = { name, kind: 'other', filled: values.length, categories: [], integer: false, min: 0, max: 0, mean: 0, std: 0, schema };
  if (values.length === 0) return base;
  // Exports repeat a record now and then (a re-send): an id column is still mostly distinct.
  const distinct = values.length === raw.length && counts.size >= 0.9 * raw.length;
  if (distinct && ID_NAME.test(name)) return { ...base, kind: 'id' };
  if (numbers.length > 0) {
    const mean = numbers.reduce((a, b) => a + b, 0) / numbers.length;
    const std = Math.sqrt(numbers.reduce((a, b) => a + (b - mean) ** 2, 0) / numbers.length);
    return {
      ...base,
      kind: 'number',
      integer: numbers.every(Number.isInteger),
      min: Math.min(...numbers),
      max: Math.max(...numbers),
      mean,
      std,
      categories: counts.size <= MAX_CATEGORIES ? byFrequency(counts) : [],
    };
  }
  if (values.some((v) => typeof v !== 'string')) return base;
  if (texts.every((t) => TIMESTAMP.test(t))) return { ...base, kind: 'timestamp' };
  if (texts.every((t) => EMAIL.test(t))) return { ...base, kind: 'email' };
  // A category repeats: few distinct values, each seen on average at least twice.
  if (counts.size <= MAX_CATEGORIES && counts.size * 2 <= values.length) return { ...base, kind: 'category', categories: byFrequency(counts) };
  return { ...base, kind: 'text' };
}

function byFrequency(counts: Map<string, number>): string[] {
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([value]) => value);
}

/** The properties of a JSON Schema for records (`{type: object, properties: …}`, or an array of them). */
export function schemaBounds(schema: unknown): Record<string, SchemaBounds> {
  const root = asObject(schema);
  const record = asObject(root?.['items']) ?? root;
  const properties = asObject(record?.['properties']);
  if (!properties) return {};
  const bounds: Record<string, SchemaBounds> = {};
  for (const [name, value] of Object.entries(properties)) {
    const property = asObject(value);
    if (!property) continue;
    const entry: SchemaBounds = {};
    if (typeof property['minimum'] === 'number') entry.minimum = property['minimum'];
    if (typeof property['maximum'] === 'number') entry.maximum = property['maximum'];
    if (Array.isArray(property['enum'])) entry.enum = property['enum'];
    bounds[name] = entry;
  }
  return bounds;
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}
