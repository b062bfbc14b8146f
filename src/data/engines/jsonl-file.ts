import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type { DuckDBConnection } from '@duckdb/node-api';
import { openDecompressed, withoutCompressionExtension } from '../input/compression.js';
import type { ReadIssues } from './engine.js';

/**
 * How many lines of a JSON Lines file are not a JSON object: malformed (a write cut short) or a
 * bare number, string or array. One DuckDB pass that parses each line once; blank lines do not count.
 * `fileArguments` is the quoted path and any reader options (compression).
 */
export async function countNonRecordLines(connection: DuckDBConnection, fileArguments: string): Promise<number> {
  const reader = await connection.runAndReadAll(
    `SELECT count(*) FILTER (WHERE json IS NULL OR json_type(json) <> 'OBJECT') AS bad FROM read_json_objects(${fileArguments}, format = 'newline_delimited', ignore_errors = true)`,
  );
  return Number((reader.getRowObjectsJS()[0] as { bad: bigint | number }).bad);
}

/**
 * Top-level keys of the file's records that `known` (the columns DuckDB typed from its sample of
 * the first 20,480 records) lacks, in order. A field that first appears after the sample — one
 * record carrying `"cmd": "=HYPERLINK(…)"` at the end of a big batch — would otherwise not be
 * read at all. One pass that lists each record's keys; such columns are read as text.
 */
export async function keysMissing(connection: DuckDBConnection, fileArguments: string, known: readonly string[]): Promise<string[]> {
  const reader = await connection.runAndReadAll(
    `SELECT DISTINCT unnest(json_keys(json)) AS key FROM read_json_objects(${fileArguments}, ignore_errors = true) WHERE json_type(json) = 'OBJECT' ORDER BY key`,
  );
  // DuckDB's column names are case-insensitive: "Cmd" beside "cmd" is one column.
  const seen = new Set(known.map((name) => name.toLowerCase()));
  return (reader.getRowObjectsJS() as Array<{ key: string }>).map(({ key }) => key).filter((key) => !seen.has(key.toLowerCase()) && seen.add(key.toLowerCase()));
}

/** A copy of a JSON Lines file holding only its records, and what was left out. */
export interface RecordLinesCopy {
  file: string;
  issues: ReadIssues;
  remove(): void;
}

/**
 * Copies the lines of `file` that are JSON objects into a temporary file, naming the first
 * `maxMessages` lines left out. DuckDB's own ignore_errors is no substitute: after a truncated
 * line it also turns the next, valid record into a row of NULLs, and a line that is not an object
 * ends type detection. Run only when countNonRecordLines found such lines.
 */
export async function copyRecordLines(file: string, maxMessages: number): Promise<RecordLinesCopy> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipewarden-jsonl-'));
  const remove = () => fs.rmSync(dir, { recursive: true, force: true });
  const copy = path.join(dir, path.basename(withoutCompressionExtension(file)));
  const out = fs.createWriteStream(copy);
  const issues: ReadIssues = { rejectedRows: 0, messages: [], notes: [] };
  try {
    const lines = readline.createInterface({ input: openDecompressed(file).setEncoding('utf8'), crlfDelay: Infinity });
    let number = 0;
    for await (const raw of lines) {
      number++;
      const line = number === 1 ? raw.replace(/^\uFEFF/, '') : raw;
      if (line.trim() === '') continue;
      const problem = recordProblem(line);
      if (!problem) {
        if (!out.write(`${line}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
        continue;
      }
      issues.rejectedRows++;
      if (issues.messages.length < maxMessages) issues.messages.push(`line ${number}: ${problem}`);
    }
    await new Promise<void>((resolve, reject) => out.end((err?: Error | null) => (err ? reject(err) : resolve())));
    return { file: copy, issues, remove };
  } catch (err) {
    out.destroy();
    remove();
    throw err;
  }
}

function recordProblem(line: string): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (err) {
    return `malformed JSON: ${(err as Error).message}`;
  }
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return undefined;
  return `not a JSON object: ${value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`}`;
}
