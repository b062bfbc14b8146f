import { defaultDatasetName, withEngine, type DataSource } from '../engines/open.js';
import { detectFormat } from '../input/format.js';
import { profileEngine } from '../profile/index.js';
import { inferSchema, isNested, type InferOptions } from './infer.js';
import { nestedShapes } from './nested-shapes.js';
import type { RecordSchema } from './json-schema.js';
import { validateJson } from './validate-json.js';
import { validateWithSql } from './validate-sql.js';
import type { ValidationReport } from './violations.js';

export type { RecordSchema } from './json-schema.js';
export type { ValidationReport, Violation } from './violations.js';

/**
 * Profiles the source (with format detection) and turns the profile into a JSON Schema. Columns of
 * objects, arrays or mixed JSON are read once more, value by value, for the schema of what is inside.
 */
export async function inferSchemaFrom(source: DataSource, options: InferOptions = {}): Promise<RecordSchema> {
  return withEngine(source, async (engine) => {
    const profile = await profileEngine(engine, { dataset: defaultDatasetName(source), detectFormats: true });
    const nested = profile.columns.filter(isNested).map((c) => c.name);
    const shapes = nested.length > 0 ? await nestedShapes(source, engine, nested) : undefined;
    if (!shapes || shapes instanceof Map) return inferSchema(profile, options, shapes);
    const schema = inferSchema(profile, options);
    return { ...schema, description: `${String(schema.description)}; what is inside ${nested.join(', ')} is not described: ${shapes.unread}` };
  });
}

/**
 * Validates every record: tabular files and tables with one SQL query where the data is, JSON and
 * JSON Lines documents with ajv (nested values need a JSON validator, not columns).
 */
export async function validateSource(source: DataSource, schema: RecordSchema): Promise<ValidationReport> {
  if (source.engine === 'duckdb') {
    const format = source.format ?? detectFormat(source.file);
    if (format === 'json' || format === 'jsonl') return validateJson(source.file, format, schema);
  }
  return withEngine(source, (engine) => validateWithSql(engine, schema));
}
