import type { LogicalType } from '../profile/types.js';
import type { SqlDialect } from './dialect.js';

/** A column as the engine delivers it. */
export interface SourceColumn {
  name: string;
  /** The engine's type name for the column (for CSV: the type DuckDB's sniffer detected). */
  physicalType: string;
  /** The type values are expected to have. */
  type: LogicalType;
  /**
   * True when the relation delivers the column as raw text that must be parsed as `type` (CSV and
   * JSON read as text), so values that fail to parse are counted rather than aborting the scan.
   */
  rawText: boolean;
}

export type Row = Record<string, unknown>;

/** Problems the reader skipped over (rows it could not read), to be reported with the result. */
export interface ReadIssues {
  rejectedRows: number;
  messages: string[];
  /** How the source was read where a reader of the results should know it (an encoding guessed). */
  notes: string[];
}

/** A table-like source the metrics run against, wherever the data lives. */
export interface DataEngine {
  readonly dialect: SqlDialect;
  /** Human-readable description of the source (`data.csv`, `postgres:public.events`). */
  readonly source: string;
  /** SQL for the FROM clause that yields the rows. */
  readonly relation: string;
  readonly columns: SourceColumn[];
  query(sql: string): Promise<Row[]>;
  /** The rows of a query as value lists, a batch at a time, for results too big to hold at once. */
  streamRows(sql: string): AsyncIterable<unknown[][]>;
  readIssues(): Promise<ReadIssues>;
  close(): Promise<void>;
}

/** The input cannot be read at all (truncated, wrong format, unreachable server): exit code 2. */
export class DataInputError extends Error {
  override name = 'DataInputError';
}
