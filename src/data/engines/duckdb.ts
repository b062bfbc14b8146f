import fs from 'node:fs';
import os from 'node:os';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { compressionOf } from '../input/compression.js';
import { detectFormat, type DataFormat } from '../input/format.js';
import { noRecords } from '../input/no-records.js';
import { checkCsvFile, LATIN1_NOTE, SNIFF_LINE_BYTES } from './csv-file.js';
import { copyRecordLines, countNonRecordLines, keysMissing, type RecordLinesCopy } from './jsonl-file.js';
import { logicalTypeOf } from './dialect.js';
import { duckdbDialect } from './duckdb-dialect.js';
import { DataInputError, type DataEngine, type ReadIssues, type Row, type SourceColumn } from './engine.js';

export interface DuckDbOptions {
  format?: DataFormat;
  /** DuckDB memory_limit, e.g. "512MB". Files are streamed; this bounds hash tables and sorts. */
  memoryLimit?: string;
  threads?: number;
}

const DEFAULT_MEMORY_LIMIT = '512MB';
const MAX_REJECT_MESSAGES = 5;

/** Opens a data file as a relation DuckDB scans in place: the rows never pass through JavaScript. */
export async function openDuckDbFile(file: string, options: DuckDbOptions = {}): Promise<DataEngine> {
  if (!fs.existsSync(file)) throw new DataInputError(`no such file: ${file}`);
  if (!fs.statSync(file).isFile()) throw new DataInputError(`not a regular file: ${file}`);
  const format = options.format ?? detectFormat(file);
  const memoryLimit = options.memoryLimit ?? DEFAULT_MEMORY_LIMIT;
  const instance = await DuckDBInstance.create(':memory:', {
    memory_limit: memoryLimit,
    threads: String(options.threads ?? Math.max(1, Math.min(os.availableParallelism(), 4))),
    // Spilling goes to the system temp dir, never next to the user's data.
    temp_directory: os.tmpdir(),
    preserve_insertion_order: 'false',
    enable_external_access: 'true',
  });
  const connection = await instance.connect();
  let skipped: RecordLinesCopy | undefined;
  try {
    skipped = format === 'jsonl' ? await skipNonRecordLines(connection, file) : undefined;
    const { relation, columns, notes } = await describe(connection, skipped?.file ?? file, format);
    return new DuckDbEngine(instance, connection, file, relation, columns, format, memoryLimit, notes, skipped);
  } catch (err) {
    skipped?.remove();
    connection.closeSync();
    instance.closeSync();
    throw err instanceof DataInputError ? err : readError(file, format, err, memoryLimit);
  }
}

/** For JSON Lines with lines that are not records, a copy without them (the rest is read as usual). */
async function skipNonRecordLines(connection: DuckDBConnection, file: string): Promise<RecordLinesCopy | undefined> {
  const bad = await countNonRecordLines(connection, `${duckdbDialect.quoteLiteral(file)}${compressionOption(file)}`);
  return bad > 0 ? copyRecordLines(file, MAX_REJECT_MESSAGES) : undefined;
}

/** DuckDB's reader option for a compressed file, named by its bytes too (it goes by the extension alone). */
function compressionOption(file: string): string {
  const compression = compressionOf(file);
  return compression ? `, compression = '${compression}'` : '';
}

/** The relation that reads the file, its columns, and what a reader of the profile should know about how it was read. */
interface Described {
  relation: string;
  columns: SourceColumn[];
  notes: string[];
}

async function describe(connection: DuckDBConnection, file: string, format: DataFormat): Promise<Described> {
  const path = duckdbDialect.quoteLiteral(file);
  const compression = compressionOption(file);
  const empty = format === 'parquet' ? undefined : noRecords(file, format);
  if (empty) throw new DataInputError(`cannot read ${file} as ${format}: ${empty}`);
  if (format === 'parquet') {
    const relation = `read_parquet(${path})`;
    return { relation, columns: (await describeRelation(connection, relation)).map(({ name, type }) => typedColumn(name, type)), notes: [] };
  }
  if (format === 'json' || format === 'jsonl') {
    const options = `format = '${format === 'jsonl' ? 'newline_delimited' : 'array'}'${compression}`;
    // Depth 2 types top-level fields only; nested values stay JSON text, so a 10,000-deep document
    // costs one string instead of a 10,000-level nested type.
    const sampled = await describeRelation(connection, `read_json(${path}, ${options}, maximum_depth = 2)`);
    const late = await keysMissing(connection, `${path}, ${options}`, sampled.map(({ name }) => name));
    const detected = [...sampled, ...late.map((name) => ({ name, type: 'VARCHAR' }))];
    const asText = detected.map(({ name }) => `${duckdbDialect.quoteLiteral(name)}: 'VARCHAR'`).join(', ');
    return { relation: `read_json(${path}, ${options}, columns = {${asText}})`, columns: detected.map(({ name, type }) => textColumn(name, type)), notes: [] };
  }
  // CSV: the sniffer picks dialect and column types from a sample; the scan then reads every value
  // as text and parses it in SQL, so a value that does not fit its column is counted, not fatal.
  // The byte checks read the file as stored: a compressed one is taken as UTF-8, as DuckDB would.
  const check = compression ? undefined : checkCsvFile(file);
  if (check && 'refusal' in check) throw new DataInputError(`cannot read ${file} as ${format}: ${check.refusal}`);
  const encoding = `${check && check.encoding !== 'utf-8' ? `, encoding = '${check.encoding}'` : ''}${compression}`;
  const delimiter = format === 'tsv' ? ", delim = '\\t'" : '';
  const sniffed = await connection.runAndReadAll(
    `SELECT Delimiter, Quote, HasHeader, Columns FROM sniff_csv(${path}, ignore_errors = true, max_line_size = ${SNIFF_LINE_BYTES}, buffer_size = ${SNIFF_LINE_BYTES}${delimiter}${encoding})`,
  );
  const [sniff] = sniffed.getRowObjectsJS() as Array<{ Delimiter: string; Quote: string; HasHeader: boolean; Columns: Array<{ name: string; type: string }> }>;
  if (!sniff) throw new DataInputError(`cannot detect the CSV layout of ${file}`);
  const names = sniff.Columns.map((c) => `${duckdbDialect.quoteLiteral(c.name)}: 'VARCHAR'`).join(', ');
  // A TSV whose sample quotes nothing is the plain tab-separated format, in which a quote is a
  // character like any other: read as a quote, a stray one (`"AGENT" K is…`) is a malformed row,
  // and DuckDB's recovery from it drops thousands of good rows after it without counting them.
  const quoting = format === 'tsv' && sniff.Quote === '(empty)' ? "quote = '', escape = ''" : `quote = '"', escape = '"'`;
  const layout = `delim = ${duckdbDialect.quoteLiteral(sniff.Delimiter)}, auto_detect = false, ${quoting}${encoding}`;
  const relation = `read_csv(${path}, header = ${sniff.HasHeader}, columns = {${names}}, store_rejects = true, ${layout})`;
  const header = sniff.HasHeader ? await headerNotes(connection, `${path}, ${layout}`, sniff.Columns.map((c) => c.name)) : [];
  return { relation, columns: sniff.Columns.map((c) => textColumn(c.name, c.type)), notes: [...(check?.encoding === 'latin-1' ? [LATIN1_NOTE] : []), ...header] };
}

/**
 * What DuckDB renamed in a CSV header: a name given twice (the second `amount` becomes `amount_1`,
 * so a smuggled duplicate column is profiled apart from the one consumers may read) and a column
 * with no name (`column2`). Read from the header line itself, as text.
 */
async function headerNotes(connection: DuckDBConnection, readArgs: string, names: string[]): Promise<string[]> {
  const raw = names.map((_, i) => `${duckdbDialect.quoteLiteral(`c${i}`)}: 'VARCHAR'`).join(', ');
  const reader = await connection.runAndReadAll(`SELECT * FROM read_csv(${readArgs}, header = false, columns = {${raw}}, ignore_errors = true) LIMIT 1`);
  const written = (reader.getRows()[0] ?? []).map((v) => (v === null ? '' : String(v).trim()));
  return names.flatMap((name, i) => {
    const given = written[i] ?? '';
    if (given === name) return [];
    if (given === '') return [`column ${i + 1} has no name in the header; it is profiled as ${name}`];
    return written.slice(0, i).includes(given) ? [`the header names ${given} more than once; column ${i + 1} is profiled as ${name}`] : [];
  });
}

async function describeRelation(connection: DuckDBConnection, relation: string): Promise<Array<{ name: string; type: string }>> {
  const reader = await connection.runAndReadAll(`DESCRIBE SELECT * FROM ${relation}`);
  return (reader.getRowObjectsJS() as Array<{ column_name: string; column_type: string }>).map((r) => ({ name: r.column_name, type: r.column_type }));
}

function typedColumn(name: string, physicalType: string): SourceColumn {
  return { name, physicalType, type: logicalTypeOf(physicalType), rawText: false };
}

function textColumn(name: string, physicalType: string): SourceColumn {
  return { name, physicalType, type: logicalTypeOf(physicalType), rawText: true };
}

function readError(file: string, format: DataFormat, err: unknown, memoryLimit: string): DataInputError {
  const message = (err instanceof Error ? err.message : String(err)).split('\n')[0]!.replace(/^[A-Za-z ]+Error: /, '');
  if (format === 'json' && ONE_OBJECT.test(message)) {
    return new DataInputError(`cannot read ${file} as json: it holds one JSON object, not records; give an array of objects or JSON Lines (the records under a key: jq '.KEY' ${file})`);
  }
  // DuckDB names the allocation that failed, not the limit behind it, which is the part a user can change.
  const limit = OUT_OF_MEMORY.test(message) ? `; DuckDB's memory limit of ${memoryLimit} is used up (profile --memory-limit raises it)` : '';
  return new DataInputError(`cannot read ${file} as ${format}: ${message}${limit}`);
}

const OUT_OF_MEMORY = /failed to allocate|could not allocate|out of memory/i;

/** DuckDB's refusal of a document whose top level is an object rather than an array of records. */
const ONE_OBJECT = /top-level JSON array .*first character is '\{'/;

class DuckDbEngine implements DataEngine {
  readonly dialect = duckdbDialect;

  constructor(
    private readonly instance: DuckDBInstance,
    private readonly connection: DuckDBConnection,
    readonly source: string,
    readonly relation: string,
    readonly columns: SourceColumn[],
    private readonly format: DataFormat,
    private readonly memoryLimit: string,
    private readonly notes: string[],
    private readonly skipped?: RecordLinesCopy,
  ) {}

  async query(sql: string): Promise<Row[]> {
    try {
      const reader = await this.connection.runAndReadAll(sql);
      return reader.getRowObjectsJS() as Row[];
    } catch (err) {
      throw readError(this.source, this.format, err, this.memoryLimit);
    }
  }

  async *streamRows(sql: string): AsyncIterable<unknown[][]> {
    try {
      yield* (await this.connection.stream(sql)).yieldRowsJs();
    } catch (err) {
      throw readError(this.source, this.format, err, this.memoryLimit);
    }
  }

  async readIssues(): Promise<ReadIssues> {
    if (this.skipped) return { ...this.skipped.issues, notes: this.notes };
    if (this.format !== 'csv' && this.format !== 'tsv') return { rejectedRows: 0, messages: [], notes: this.notes };
    const rows = await this.query(
      // Every scan of the file logs its rejects again; the first scan's are the file's.
      `WITH first AS (SELECT * FROM reject_errors WHERE scan_id = (SELECT min(scan_id) FROM reject_errors))
       SELECT (SELECT count(DISTINCT line) FROM first) AS total, line, error_type, error_message FROM first ORDER BY line LIMIT ${MAX_REJECT_MESSAGES}`,
    );
    return {
      rejectedRows: Number(rows[0]?.['total'] ?? 0),
      messages: rows.map((r) => `line ${String(r['line'])}: ${String(r['error_type']).toLowerCase()}: ${String(r['error_message'])}`),
      notes: this.notes,
    };
  }

  async close(): Promise<void> {
    this.connection.closeSync();
    this.instance.closeSync();
    this.skipped?.remove();
  }
}
