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
  const issues: ReadIssues = { rejectedRows: 0, messages: [] };
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
