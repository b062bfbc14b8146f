import type { DataFormat } from '../input/format.js';
import { openDuckDbFile } from './duckdb.js';
import { DataInputError, type DataEngine } from './engine.js';
import { openPostgresTable } from './postgres.js';

export const ENGINES = ['duckdb', 'postgres'] as const;
export type EngineName = (typeof ENGINES)[number];

/** Where the data is: a file DuckDB scans, or a table in a database server. */
export type DataSource =
  | { engine: 'duckdb'; file: string; format?: DataFormat; memoryLimit?: string; threads?: number }
  | { engine: 'postgres'; dsn: string; table: string };

export function openEngine(source: DataSource): Promise<DataEngine> {
  switch (source.engine) {
    case 'duckdb':
      return openDuckDbFile(source.file, source);
    case 'postgres':
      return openPostgresTable(source);
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
  const base = source.file.split(/[\\/]/).pop() ?? source.file;
  const name = base.replace(/\.(csv|tsv|tab|jsonl|ndjson|json|parquet|pq)$/i, '');
  if (!name) throw new DataInputError(`cannot name a dataset after "${source.file}"; pass --dataset`);
  return name;
}
