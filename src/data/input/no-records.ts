import fs from 'node:fs';
import zlib from 'node:zlib';
import { compressionOf } from './compression.js';

/** Files larger than this (stored or decompressed) hold something; smaller ones are read to tell. */
const SMALL_FILE_BYTES = 64 * 1024;
/** Whitespace and byte-order marks (as Latin-1 text, so a UTF-8 mark is its three bytes). */
const BLANK = /^[\s\ufeff\xef\xbb\xbf]*$/;
const EMPTY_ARRAY = /^[\s\ufeff\xef\xbb\xbf]*\[\s*\]\s*$/;

/**
 * Why a text data file (plain or gzipped) holds no records at all — empty, only blank lines, or an
 * empty JSON array — or undefined. DuckDB reads such a file as one made-up column (`column0`,
 * `json`) with blank rows, which would profile and validate as data.
 */
export function noRecords(file: string, format: 'csv' | 'tsv' | 'json' | 'jsonl'): string | undefined {
  const compression = compressionOf(file);
  if (compression === 'zstd' || fs.statSync(file).size > SMALL_FILE_BYTES) return undefined;
  const text = contentOf(file, compression === 'gzip')?.toString('latin1');
  if (text === undefined) return undefined;
  if (text.length === 0) return 'the file is empty';
  if (BLANK.test(text)) return 'the file holds only blank lines';
  return format === 'json' && EMPTY_ARRAY.test(text) ? 'the file is an empty JSON array: it holds no records' : undefined;
}

/** The file's bytes, decompressed; undefined when they do not fit the small-file limit or are no valid gzip (DuckDB then says why). */
function contentOf(file: string, gzipped: boolean): Buffer | undefined {
  const stored = fs.readFileSync(file);
  if (!gzipped) return stored;
  try {
    return zlib.gunzipSync(stored, { maxOutputLength: SMALL_FILE_BYTES });
  } catch {
    return undefined;
  }
}
