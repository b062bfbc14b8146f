import fs from 'node:fs';

/** Files larger than this hold something; smaller ones are read to tell. */
const SMALL_FILE_BYTES = 64 * 1024;
/** Whitespace and byte-order marks (as Latin-1 text, so a UTF-8 mark is its three bytes). */
const BLANK = /^[\s\ufeff\xef\xbb\xbf]*$/;
const EMPTY_ARRAY = /^[\s\ufeff\xef\xbb\xbf]*\[\s*\]\s*$/;

/**
 * Why an uncompressed text data file holds no records at all — empty, only blank lines, or an
 * empty JSON array — or undefined. DuckDB reads such a file as one made-up column (`column0`,
 * `json`) with blank rows, which would profile and validate as data.
 */
export function noRecords(file: string, format: 'csv' | 'tsv' | 'json' | 'jsonl'): string | undefined {
  const { size } = fs.statSync(file);
  if (size > SMALL_FILE_BYTES) return undefined;
  const text = fs.readFileSync(file).toString('latin1');
  if (size === 0) return 'the file is empty';
  if (BLANK.test(text)) return 'the file holds only blank lines';
  return format === 'json' && EMPTY_ARRAY.test(text) ? 'the file is an empty JSON array: it holds no records' : undefined;
}
