import readline from 'node:readline';
import { openDecompressed, readDecompressed } from './compression.js';
import { checkJson } from './json-check.js';

/** One JSON record, or why it could not be one. */
export type RecordResult = { line: number; value: unknown } | { line: number; problem: 'invalid-json' | 'too-deep' | 'duplicate-key'; detail: string; text?: string };

/** A whole JSON document is parsed in memory; past this size, convert it to JSON Lines. */
export const MAX_DOCUMENT_BYTES = 256 * 1024 * 1024;

/**
 * Streams the records of a JSON Lines file (one at a time, never the whole file), or of a JSON
 * document (an array yields its elements). Hostile records come back as problems, not exceptions.
 */
export async function* jsonRecords(file: string, format: 'json' | 'jsonl'): AsyncGenerator<RecordResult> {
  if (format === 'json') {
    yield* documentRecords(file);
    return;
  }
  const lines = readline.createInterface({ input: openDecompressed(file).setEncoding('utf8'), crlfDelay: Infinity });
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.trim() === '') continue;
    yield parseRecord(text, line);
  }
}

function* documentRecords(file: string): Generator<RecordResult> {
  const text = readDecompressed(file, MAX_DOCUMENT_BYTES, (size) => `${file} is ${size}; JSON documents over ${MAX_DOCUMENT_BYTES} bytes must be JSON Lines`).toString('utf8');
  const parsed = parseRecord(text, 1);
  if ('problem' in parsed || !Array.isArray(parsed.value)) {
    yield parsed;
    return;
  }
  for (const value of parsed.value as unknown[]) yield { line: 1, value };
}

export function parseRecord(text: string, line: number): RecordResult {
  const check = checkJson(text);
  if (check.tooDeep) return { line, problem: 'too-deep', detail: 'nesting deeper than the limit', text: text.slice(0, 80) };
  if (check.duplicateKeys.length > 0) return { line, problem: 'duplicate-key', detail: `duplicate key ${check.duplicateKeys[0]}` };
  try {
    return { line, value: JSON.parse(text) };
  } catch (err) {
    return { line, problem: 'invalid-json', detail: (err as Error).message, text: text.slice(0, 80) };
  }
}
