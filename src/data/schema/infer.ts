import type { ColumnProfile, DatasetProfile } from '../profile/types.js';
import { STRING_FORMATS, type StringFormat } from './formats.js';
import { JSON_SCHEMA_DIALECT, type ColumnSchema, type JsonType, type RecordSchema } from './json-schema.js';

export interface InferOptions {
  /** Widening of observed ranges, as a fraction of the range (numbers) or of the length (strings). */
  margin?: number;
  /** Columns with at most this many distinct values get an enum. */
  enumMax?: number;
}

/** A JSON Schema (2020-12) for the records of a profiled data set. */
export function inferSchema(profile: DatasetProfile, options: InferOptions = {}): RecordSchema {
  const margin = options.margin ?? 0.1;
  const enumMax = options.enumMax ?? 20;
  const properties: Record<string, ColumnSchema> = {};
  for (const column of profile.columns) properties[column.name] = columnSchema(column, margin, enumMax);
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
    const slack = (c.max - c.min || Math.abs(c.max) || 1) * margin;
    schema.minimum = c.type === 'integer' ? Math.floor(c.min - slack) : roundOutward(c.min - slack, slack, Math.floor);
    schema.maximum = c.type === 'integer' ? Math.ceil(c.max + slack) : roundOutward(c.max + slack, slack, Math.ceil);
  }
  if (c.type === 'date') schema.format = 'date';
  if (c.type === 'datetime') schema.format = 'date-time';
  if (c.type === 'string') {
    if (c.length.min !== null && c.length.max !== null) {
      schema.minLength = Math.max(0, Math.floor(c.length.min * (1 - margin)));
      schema.maxLength = Math.ceil(c.length.max * (1 + margin));
    }
    const format = formatOf(c);
    if (format) schema.format = format;
  }
  const values = enumValues(c, enumMax);
  if (values) schema.enum = nullable ? [...values, null] : values;
  return schema;
}

/**
 * A widened bound rounded away from the data at the slack's leading digit, so that it reads as a
 * person would write it (-600 rather than -599.3831299999999). The step is at most the slack, so
 * the bound stays outside the observed range.
 */
function roundOutward(bound: number, slack: number, round: (x: number) => number): number {
  if (!(slack > 0) || !Number.isFinite(bound)) return bound;
  const decimals = Math.max(0, -Math.floor(Math.log10(slack)));
  if (decimals > 15) return bound;
  const scale = 10 ** decimals;
  return Number((round(bound * scale) / scale).toFixed(decimals));
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
