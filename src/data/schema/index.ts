import { withEngine, type DataSource } from '../engines/open.js';
import { detectFormat } from '../input/format.js';
import { profileDataset } from '../profile/index.js';
import { inferSchema, type InferOptions } from './infer.js';
import type { RecordSchema } from './json-schema.js';
import { validateJson } from './validate-json.js';
import { validateWithSql } from './validate-sql.js';
import type { ValidationReport } from './violations.js';

export type { RecordSchema } from './json-schema.js';
export type { ValidationReport, Violation } from './violations.js';

/** Profiles the source (with format detection) and turns the profile into a JSON Schema. */
export async function inferSchemaFrom(source: DataSource, options: InferOptions = {}): Promise<RecordSchema> {
  return inferSchema(await profileDataset(source, { detectFormats: true }), options);
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
