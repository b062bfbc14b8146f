import path from 'node:path';
import { UsageError } from '../../../core/errors.js';
import { detectLineEnding, formatCsv, parseCsv } from './csv.js';

export type TableFormat = 'csv' | 'jsonl' | 'json';

/** A cell: CSV cells are strings; JSON records may hold any JSON value. */
export type Cell = unknown;
export type Row = Record<string, Cell>;

/** A tabular file read into records, with what it takes to write it back the same way. */
export interface Dataset {
  format: TableFormat;
  columns: string[];
  rows: Row[];
  lineEnding: string;
}

/** A dataset as bytes, with the 1-based line each row starts and ends on. */
export interface SerializedDataset {
  bytes: Buffer;
  lines: Array<{ first: number; last: number }>;
}

const EXTENSIONS: Record<string, TableFormat> = { '.csv': 'csv', '.jsonl': 'jsonl', '.ndjson': 'jsonl', '.json': 'json' };

/** The format a file name promises, or, for a name without a known extension, what its text looks like. */
function tableFormat(name: string, text: string): TableFormat {
  const byName = EXTENSIONS[path.extname(name).toLowerCase()];
  if (byName) return byName;
  const start = text.trimStart();
  if (start.startsWith('[')) return 'json';
  if (start.startsWith('{')) return 'jsonl';
  return 'csv';
}

export function isTableFile(name: string): boolean {
  return EXTENSIONS[path.extname(name).toLowerCase()] !== undefined;
}

/** Reads CSV, JSON Lines or a JSON array of objects; throws a UsageError naming the file when it is neither. */
export function parseDataset(name: string, text: string): Dataset {
  const format = tableFormat(name, text);
  const lineEnding = detectLineEnding(text);
  if (format === 'csv') {
    const [header, ...body] = parseCsv(text);
    if (!header) return { format, columns: [], rows: [], lineEnding };
    const columns = header.cells;
    const rows = body.map((record) => Object.fromEntries(columns.map((c, i) => [c, record.cells[i] ?? ''])));
    return { format, columns, rows, lineEnding };
  }
  const records = format === 'json' ? jsonArray(name, text) : jsonLines(name, text);
  const columns = [...new Set(records.flatMap((r) => Object.keys(r)))];
  return { format, columns, rows: records, lineEnding };
}

function jsonArray(name: string, text: string): Row[] {
  const parsed = parseJson(name, text);
  if (!Array.isArray(parsed)) throw new UsageError(`${name}: a JSON input must be an array of records`);
  return parsed.map((item, i) => record(name, item, `item ${i + 1}`));
}

function jsonLines(name: string, text: string): Row[] {
  return text
    .split(/\r?\n/)
    .map((line, i) => ({ line, i }))
    .filter(({ line }) => line.trim() !== '')
    .map(({ line, i }) => record(name, parseJson(`${name}:${i + 1}`, line), `line ${i + 1}`));
}

function parseJson(where: string, text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${where}: not valid JSON (${(err as Error).message})`);
  }
}

function record(name: string, value: unknown, where: string): Row {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError(`${name}: ${where} is not a JSON object`);
  return value as Row;
}

/** Writes the dataset in its own format; CSV cells that are not strings are written as JSON text. */
export function serializeDataset(dataset: Dataset): SerializedDataset {
  if (dataset.format === 'csv') {
    const cells = dataset.rows.map((row) => dataset.columns.map((c) => cellText(row[c])));
    const text = formatCsv([dataset.columns, ...cells], dataset.lineEnding);
    let line = 2;
    const lines = cells.map((row) => {
      const span = row.reduce((n, cell) => n + (cell.match(/\r\n|\n|\r/g)?.length ?? 0), 0);
      const entry = { first: line, last: line + span };
      line += span + 1;
      return entry;
    });
    return { bytes: Buffer.from(text, 'utf8'), lines };
  }
  if (dataset.format === 'jsonl') {
    const text = dataset.rows.map((row) => JSON.stringify(row)).join('\n') + '\n';
    return { bytes: Buffer.from(text, 'utf8'), lines: dataset.rows.map((_, i) => ({ first: i + 1, last: i + 1 })) };
  }
  // One record per line inside the array, so a line number in a log still points at one record.
  const text = `[\n${dataset.rows.map((row) => JSON.stringify(row)).join(',\n')}\n]\n`;
  return { bytes: Buffer.from(text, 'utf8'), lines: dataset.rows.map((_, i) => ({ first: i + 2, last: i + 2 })) };
}

/** A cell as the text a CSV holds or a log would print. */
export function cellText(value: Cell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}
