import type { DataFormat } from '../input/format.js';
import { withoutCompressionExtension } from '../input/compression.js';
import { DataInputError, type DataEngine } from './engine.js';

export const ENGINES = ['duckdb', 'postgres'] as const;
export type EngineName = (typeof ENGINES)[number];

/** Where the data is: a file DuckDB scans, or a table in a database server. */
export type DataSource =
  | { engine: 'duckdb'; file: string; format?: DataFormat; memoryLimit?: string; threads?: number }
  | { engine: 'postgres'; dsn: string; table: string };

/**
 * Opens the engine for a source. The engine modules are loaded here, when a data command first
 * needs one, so that the native DuckDB binding and the PostgreSQL client do not weigh on every
 * other command's start-up.
 */
export async function openEngine(source: DataSource): Promise<DataEngine> {
  switch (source.engine) {
    case 'duckdb':
      return (await import('./duckdb.js')).openDuckDbFile(source.file, source);
    case 'postgres':
      return (await import('./postgres.js')).openPostgresTable(source);
  }
}

/** Runs `work` against the source and always releases the engine. */
export async function withEngine<T>(source: DataSource, work: (engine: DataEngine) => Promise<T>): Promise<T> {
  const engine = await openEngine(source);
  try {
    return await work(engine);
  } finally {
    await engine.close();
  }
}

/** The name a source's batches are stored under when none is given. */
export function defaultDatasetName(source: DataSource): string {
  if (source.engine === 'postgres') return source.table;
  const base = withoutCompressionExtension(source.file).split(/[\\/]/).pop() ?? source.file;
  const name = base.replace(/\.(csv|tsv|tab|jsonl|ndjson|json|parquet|pq)$/i, '');
  if (!name) throw new DataInputError(`cannot name a dataset after "${source.file}"; pass --dataset`);
  return name;
}
