import type { ColumnProfile, DatasetProfile } from '../profile/types.js';
import { lengthBounds, numericBounds } from './bounds.js';
import type { ValueShape } from './value-shape.js';
import { STRING_FORMATS, type StringFormat } from './formats.js';
import { JSON_SCHEMA_DIALECT, type ColumnSchema, type JsonType, type RecordSchema } from './json-schema.js';

export interface InferOptions {
  /** Widening of observed ranges, as a fraction of the range (numbers) or of the length (strings). */
  margin?: number;
  /** Columns with at most this many distinct values get an enum. */
  enumMax?: number;
}

/** A JSON Schema (2020-12) for the records of a profiled data set. */
export function inferSchema(profile: DatasetProfile, options: InferOptions = {}, shapes?: Map<string, ValueShape>): RecordSchema {
  const margin = options.margin ?? 0.1;
  const enumMax = options.enumMax ?? 20;
  const properties: Record<string, ColumnSchema> = {};
  for (const column of profile.columns) {
    const shape = shapes?.get(column.name);
    properties[column.name] = shape ? shape.schema({ margin, enumMax }) : columnSchema(column, margin, enumMax);
  }
  return {
    $schema: JSON_SCHEMA_DIALECT,
    title: profile.dataset,
    description: `Inferred by pipewarden from ${profile.rowCount} rows of ${profile.source}`,
    type: 'object',
    properties,
    required: profile.columns.filter((c) => c.nullCount === 0 && c.count > 0).map((c) => c.name),
    additionalProperties: false,
  };
}

function columnSchema(c: ColumnProfile, margin: number, enumMax: number): ColumnSchema {
  const nullable = c.nullCount > 0 || c.count === 0;
  const jsonType = jsonTypeOf(c);
  // Nested and mixed values: the text-level bounds below would describe their printed form.
  if (jsonType !== 'string' && jsonType !== c.type) return jsonType === undefined ? {} : { type: nullable ? [jsonType, 'null'] : jsonType };
  const schema: ColumnSchema = { type: nullable ? [jsonType, 'null'] : jsonType };
  if ((c.type === 'integer' || c.type === 'number') && typeof c.min === 'number' && typeof c.max === 'number') {
    Object.assign(schema, numericBounds(c.min, c.max, c.type === 'integer', margin));
  }
  if (c.type === 'date') schema.format = 'date';
  if (c.type === 'datetime') schema.format = 'date-time';
  if (c.type === 'string') {
    if (c.length.min !== null && c.length.max !== null) {
      const { low, high } = lengthBounds(c.length.min, c.length.max, margin);
      schema.minLength = low;
      schema.maxLength = high;
    }
    const format = formatOf(c);
    if (format) schema.format = format;
  }
  const values = enumValues(c, enumMax);
  if (values) schema.enum = nullable ? [...values, null] : values;
  return schema;
}

/** A column of objects or arrays, or of JSON values of any type: its schema comes from its values' shape. */
export function isNested(c: ColumnProfile): boolean {
  const type = jsonTypeOf(c);
  return type === undefined || type === 'object' || type === 'array';
}

/** The JSON type of a column's values; none for a JSON column, whose values may be of any type. */
function jsonTypeOf(c: ColumnProfile): JsonType | undefined {
  const physical = c.physicalType.toUpperCase();
  if (/\[\d*\]$|^ARRAY$/.test(physical)) return 'array';
  if (/^(STRUCT|MAP)\b/.test(physical)) return 'object';
  if (physical === 'JSON' || physical === 'JSONB') return undefined;
  if (c.type === 'integer' || c.type === 'number' || c.type === 'boolean') return c.type;
  return 'string';
}

/** A format every non-null value has. */
function formatOf(c: ColumnProfile): StringFormat | undefined {
  const nonNull = c.count - c.nullCount;
  if (nonNull === 0 || !c.formats) return undefined;
  return (Object.keys(STRING_FORMATS) as StringFormat[]).find((f) => c.formats?.[f] === nonNull);
}

/** The complete value list of a low-cardinality column; none when the top values do not cover it. */
function enumValues(c: ColumnProfile, enumMax: number): Array<string | number> | undefined {
  if (c.type !== 'string' && c.type !== 'integer') return undefined;
  const nonNull = c.count - c.nullCount;
  const covered = c.topValues.reduce((sum, t) => sum + t.count, 0);
  // Each value must repeat: an enum of values seen once is a sample, not a domain.
  if (c.topValues.length === 0 || c.topValues.length > enumMax || covered !== nonNull || c.topValues.length * 2 > nonNull) return undefined;
  const values = c.topValues.map((t) => (c.type === 'integer' ? Number(t.value) : t.value));
  return c.type === 'integer' ? (values as number[]).sort((a, b) => a - b) : (values as string[]).sort();
}
