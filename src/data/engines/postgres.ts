import pg from 'pg';
import { logicalTypeOf } from './dialect.js';
import { DataInputError, type DataEngine, type ReadIssues, type Row, type SourceColumn } from './engine.js';
import { postgresDialect } from './postgres-dialect.js';

export interface PostgresOptions {
  dsn: string;
  /** `table` or `schema.table`. */
  table: string;
  /** Statement timeout in milliseconds, so a profile never hangs on a lock or a huge table. */
  statementTimeoutMs?: number;
}

/** Runs the metrics inside PostgreSQL: only the aggregated results travel back. */
export async function openPostgresTable(options: PostgresOptions): Promise<DataEngine> {
  const client = new pg.Client({ connectionString: options.dsn, statement_timeout: options.statementTimeoutMs ?? 600_000 });
  try {
    await client.connect();
  } catch (err) {
    throw new DataInputError(`cannot connect to PostgreSQL: ${err instanceof Error ? err.message : String(err)}`);
  }
  try {
    const [schema, table] = splitTableName(options.table);
    const result = await client.query<{ column_name: string; data_type: string; table_schema: string }>(
      `SELECT table_schema, column_name, data_type FROM information_schema.columns
        WHERE table_name = $1 AND table_schema = COALESCE($2, current_schema()) ORDER BY ordinal_position`,
      [table, schema ?? null],
    );
    if (result.rows.length === 0) throw new DataInputError(`no table ${options.table} (or it has no columns) in the database`);
    const columns: SourceColumn[] = result.rows.map((r) => ({
      name: r.column_name,
      physicalType: r.data_type,
      type: logicalTypeOf(r.data_type),
      rawText: false,
    }));
    const relation = `${postgresDialect.quoteIdent(result.rows[0]!.table_schema)}.${postgresDialect.quoteIdent(table)}`;
    return new PostgresEngine(client, `postgres:${options.table}`, relation, columns);
  } catch (err) {
    await client.end();
    throw err instanceof DataInputError ? err : new DataInputError(`PostgreSQL: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function splitTableName(name: string): [string | undefined, string] {
  const parts = name.split('.');
  if (parts.length === 1) return [undefined, parts[0]!];
  if (parts.length === 2 && parts[0] && parts[1]) return [parts[0], parts[1]];
  throw new DataInputError(`--table takes "table" or "schema.table", not "${name}"`);
}

const CURSOR_BATCH = 1000;

class PostgresEngine implements DataEngine {
  readonly dialect = postgresDialect;

  constructor(
    private readonly client: pg.Client,
    readonly source: string,
    readonly relation: string,
    readonly columns: SourceColumn[],
  ) {}

  async query(sql: string): Promise<Row[]> {
    return (await this.send(sql)).rows as Row[];
  }

  /** A cursor in a read-only transaction, so that only one batch of a big table is in memory at a time. */
  async *streamRows(sql: string): AsyncIterable<unknown[][]> {
    await this.query('BEGIN READ ONLY');
    try {
      await this.query(`DECLARE pipewarden_rows NO SCROLL CURSOR FOR ${sql}`);
      for (;;) {
        const batch = await this.send({ text: `FETCH ${CURSOR_BATCH} FROM pipewarden_rows`, rowMode: 'array' });
        if (batch.rows.length === 0) break;
        yield batch.rows as unknown[][];
      }
    } finally {
      await this.client.query('ROLLBACK');
    }
  }

  private async send(query: string | pg.QueryArrayConfig): Promise<pg.QueryResult> {
    try {
      return await this.client.query(query);
    } catch (err) {
      throw new DataInputError(`PostgreSQL: ${err instanceof Error ? err.message : String(err)}`);
    }
  }

  async readIssues(): Promise<ReadIssues> {
    // A table has no unreadable rows: its types were enforced on insert.
    return { rejectedRows: 0, messages: [], notes: [] };
  }

  async close(): Promise<void> {
    await this.client.end();
  }
}
