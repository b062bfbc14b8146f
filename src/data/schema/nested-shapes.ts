import { DataInputError, type DataEngine } from '../engines/engine.js';
import type { DataSource } from '../engines/open.js';
import { detectFormat } from '../input/format.js';
import { jsonRecords } from '../input/records.js';
import { forEachJsonRow } from './json-text.js';
import { ValueShape } from './value-shape.js';

/**
 * The shapes of the named columns' values, from one more read of the source. JSON and JSON Lines
 * files are read as JSON, so a key left out of a record stays apart from a key given as null;
 * Parquet files and database tables hand over each value as JSON text, a batch of rows at a time.
 * Records that are not objects, and lines that do not parse, are the validator's to report. A JSON
 * file that cannot be read that way (a document past the size limit, zstd) gets no shapes and the
 * reason instead, for the schema to say.
 */
export async function nestedShapes(source: DataSource, engine: DataEngine, names: string[]): Promise<Map<string, ValueShape> | { unread: string }> {
  const shapes = new Map(names.map((name) => [name, new ValueShape()]));
  const format = source.engine === 'duckdb' ? (source.format ?? detectFormat(source.file)) : undefined;
  if (source.engine === 'duckdb' && (format === 'json' || format === 'jsonl')) {
    try {
      for await (const record of jsonRecords(source.file, format)) {
        if ('problem' in record || record.value === null || typeof record.value !== 'object' || Array.isArray(record.value)) continue;
        const fields = record.value as Record<string, unknown>;
        for (const [name, shape] of shapes) if (Object.hasOwn(fields, name)) shape.observe(fields[name]);
      }
    } catch (err) {
      if (err instanceof DataInputError) return { unread: err.message };
      throw err;
    }
    return shapes;
  }
  const ordered = [...shapes.values()];
  await forEachJsonRow(engine, names, (values) => values.forEach((value, i) => ordered[i]!.observe(value)));
  return shapes;
}
