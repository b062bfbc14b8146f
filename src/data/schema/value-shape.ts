import { lengthBounds, numericBounds } from './bounds.js';
import { STRING_FORMATS, type StringFormat } from './formats.js';
import type { ColumnSchema, JsonType } from './json-schema.js';

/**
 * Levels below a column that get a shape of their own. Deeper values only count towards their
 * parent's types: a 10,000-deep document costs 32 levels of bookkeeping, not 10,000.
 */
export const MAX_SHAPE_DEPTH = 32;
/**
 * Distinct keys an object shape tracks one by one. An object with more is a map whose keys are
 * data (user ids, dates): its values get one merged shape, checked as `additionalProperties`.
 */
export const MAX_TRACKED_KEYS = 100;
/** Distinct strings and whole numbers a shape counts for an enum; more and the values are no domain. */
const MAX_ENUM_CANDIDATES = 100;

/** How a shape's observations turn into keywords (the options of `schema infer`). */
export interface ShapeOptions {
  /** Widening of observed ranges, as a fraction of the range (numbers) or of the length (strings, arrays). */
  margin: number;
  /** Values with at most this many distinct strings or whole numbers, each seen twice or more, get an enum. */
  enumMax: number;
}

const FORMATS = Object.keys(STRING_FORMATS) as StringFormat[];
const FORMAT_TESTS = Object.fromEntries(FORMATS.map((name) => [name, new RegExp(STRING_FORMATS[name])])) as Record<StringFormat, RegExp>;

/**
 * What a nested column's values looked like, learned one JSON value at a time: the types seen,
 * numeric ranges, string lengths and formats, object keys (how often each was present) and array
 * items, each level with a shape of its own. It becomes the column's JSON Schema.
 */
export class ValueShape {
  private nulls = 0;
  private booleans = 0;
  private integers = 0;
  private fractions = 0;
  private min = Infinity;
  private max = -Infinity;
  private strings = 0;
  private shortest = Infinity;
  private longest = 0;
  /** Formats every string so far has; undefined until the first string. */
  private formats: StringFormat[] | undefined;
  /** How often each string and whole number was seen, until there are too many to be an enum. */
  private counts: Map<string | number, number> | undefined = new Map();
  private objects = 0;
  private keys: Map<string, { present: number; shape: ValueShape }> | undefined = new Map();
  /** The merged shape of a map's values, once its keys outgrew MAX_TRACKED_KEYS. */
  private values: ValueShape | undefined;
  private arrays = 0;
  private fewestItems = Infinity;
  private mostItems = 0;
  private items: ValueShape | undefined;

  constructor(private readonly depth = 0) {}

  observe(value: unknown): void {
    if (value === null || value === undefined) this.nulls++;
    else if (typeof value === 'boolean') this.booleans++;
    else if (typeof value === 'number') this.observeNumber(value);
    else if (typeof value === 'string') this.observeString(value);
    else if (Array.isArray(value)) this.observeArray(value);
    else if (typeof value === 'object') this.observeObject(value as Record<string, unknown>);
  }

  /** The JSON Schema these values satisfy, bounds widened by the margin. */
  schema(options: ShapeOptions): ColumnSchema {
    const { margin } = options;
    const types: JsonType[] = [];
    if (this.objects > 0) types.push('object');
    if (this.arrays > 0) types.push('array');
    if (this.strings > 0) types.push('string');
    if (this.fractions > 0) types.push('number');
    else if (this.integers > 0) types.push('integer');
    if (this.booleans > 0) types.push('boolean');
    if (this.nulls > 0) types.push('null');
    const schema: ColumnSchema = types.length === 0 ? {} : { type: types.length === 1 ? types[0]! : types };
    if (this.integers + this.fractions > 0) Object.assign(schema, numericBounds(this.min, this.max, this.fractions === 0, margin));
    if (this.strings > 0) {
      const { low, high } = lengthBounds(this.shortest, this.longest, margin);
      Object.assign(schema, { minLength: low, maxLength: high }, this.formats?.[0] ? { format: this.formats[0] } : {});
    }
    if (this.objects > 0 && this.depth < MAX_SHAPE_DEPTH) Object.assign(schema, this.objectKeywords(options));
    if (this.arrays > 0 && this.depth < MAX_SHAPE_DEPTH) {
      const { low, high } = lengthBounds(this.fewestItems, this.mostItems, margin);
      Object.assign(schema, this.items ? { items: this.items.schema(options) } : {}, { minItems: low, maxItems: high });
    }
    const values = this.enumValues(options.enumMax);
    if (values) schema.enum = this.nulls > 0 ? [...values, null] : values;
    return schema;
  }

  /** Every value of a leaf of strings or whole numbers, where few values each repeat (as for top-level columns). */
  private enumValues(enumMax: number): Array<string | number> | undefined {
    const seen = this.strings + this.integers;
    if (!this.counts || this.counts.size === 0 || this.counts.size > enumMax || this.counts.size * 2 > seen) return undefined;
    if (this.booleans + this.fractions + this.objects + this.arrays > 0) return undefined;
    return [...this.counts.keys()].sort((a, b) => (typeof a === typeof b ? (a < b ? -1 : a > b ? 1 : 0) : typeof a === 'number' ? -1 : 1));
  }

  private count(value: string | number, times = 1): void {
    if (!this.counts) return;
    this.counts.set(value, (this.counts.get(value) ?? 0) + times);
    if (this.counts.size > MAX_ENUM_CANDIDATES) this.counts = undefined;
  }

  /** Adds what `other` saw to this shape (map values that were tracked key by key). */
  merge(other: ValueShape): void {
    this.nulls += other.nulls;
    this.booleans += other.booleans;
    this.integers += other.integers;
    this.fractions += other.fractions;
    this.min = Math.min(this.min, other.min);
    this.max = Math.max(this.max, other.max);
    if (other.strings > 0) {
      this.formats = this.formats === undefined ? other.formats : this.formats.filter((f) => other.formats?.includes(f));
      this.strings += other.strings;
    }
    if (!other.counts) this.counts = undefined;
    for (const [value, times] of other.counts ?? []) this.count(value, times);
    this.shortest = Math.min(this.shortest, other.shortest);
    this.longest = Math.max(this.longest, other.longest);
    this.mergeObjects(other);
    this.arrays += other.arrays;
    this.fewestItems = Math.min(this.fewestItems, other.fewestItems);
    this.mostItems = Math.max(this.mostItems, other.mostItems);
    if (other.items) (this.items ??= new ValueShape(this.depth + 1)).merge(other.items);
  }

  private observeNumber(value: number): void {
    if (Number.isInteger(value)) {
      this.integers++;
      this.count(value);
    } else this.fractions++;
    if (value < this.min) this.min = value;
    if (value > this.max) this.max = value;
  }

  private observeString(value: string): void {
    this.strings++;
    this.count(value);
    if (value.length < this.shortest) this.shortest = value.length;
    if (value.length > this.longest) this.longest = value.length;
    this.formats = (this.formats ?? FORMATS).filter((format) => FORMAT_TESTS[format].test(value));
  }

  private observeArray(value: unknown[]): void {
    this.arrays++;
    if (value.length < this.fewestItems) this.fewestItems = value.length;
    if (value.length > this.mostItems) this.mostItems = value.length;
    if (this.depth >= MAX_SHAPE_DEPTH) return;
    if (value.length > 0) this.items ??= new ValueShape(this.depth + 1);
    for (const item of value) this.items!.observe(item);
  }

  private observeObject(value: Record<string, unknown>): void {
    this.objects++;
    if (this.depth >= MAX_SHAPE_DEPTH) return;
    for (const [key, child] of Object.entries(value)) this.record(key, 1, (shape) => shape.observe(child));
  }

  /** Records `present` sightings of a key into its own shape, or into the map's shared one once keys outgrew tracking. */
  private record(key: string, present: number, add: (shape: ValueShape) => void): void {
    if (!this.keys) return add(this.values!);
    let entry = this.keys.get(key);
    if (!entry) this.keys.set(key, (entry = { present: 0, shape: new ValueShape(this.depth + 1) }));
    entry.present += present;
    add(entry.shape);
    if (this.keys.size > MAX_TRACKED_KEYS) this.becomeMap();
  }

  private becomeMap(): void {
    this.values ??= new ValueShape(this.depth + 1);
    for (const { shape } of this.keys?.values() ?? []) this.values.merge(shape);
    this.keys = undefined;
  }

  private mergeObjects(other: ValueShape): void {
    this.objects += other.objects;
    if (!other.keys) {
      this.becomeMap();
      this.values!.merge(other.values!);
    }
    for (const [key, { present, shape }] of other.keys ?? []) this.record(key, present, (mine) => mine.merge(shape));
  }

  /** Keys present in every object are required; unknown keys are refused, or a map's values share one schema. */
  private objectKeywords(options: ShapeOptions): ColumnSchema {
    if (!this.keys) return { additionalProperties: this.values!.schema(options) };
    const properties: Record<string, ColumnSchema> = {};
    const required: string[] = [];
    for (const [key, { present, shape }] of this.keys) {
      properties[key] = shape.schema(options);
      if (present === this.objects) required.push(key);
    }
    return { properties, ...(required.length > 0 ? { required } : {}), additionalProperties: false };
  }
}
