import path from 'node:path';
import { DataInputError } from '../engines/engine.js';
import { decompressedHead, withoutCompressionExtension } from './compression.js';

export const DATA_FORMATS = ['csv', 'tsv', 'jsonl', 'json', 'parquet'] as const;
export type DataFormat = (typeof DATA_FORMATS)[number];

const BY_EXTENSION: Record<string, DataFormat> = {
  '.csv': 'csv',
  '.tsv': 'tsv',
  '.tab': 'tsv',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.json': 'json',
  '.parquet': 'parquet',
  '.pq': 'parquet',
};

/**
 * The file's format from its extension, else from its first bytes. A `.json` file whose first line
 * is a whole object is JSON Lines: Spark's `write.json` and BigQuery's exports name them so. A
 * compressed file (`events.jsonl.gz`) is judged by the name and bytes it decompresses to.
 */
export function detectFormat(file: string): DataFormat {
  const byName = BY_EXTENSION[path.extname(withoutCompressionExtension(file)).toLowerCase()];
  if (byName && byName !== 'json') return byName;
  const head = decompressedHead(file, 4096);
  if (!byName && head.subarray(0, 4).toString('latin1') === 'PAR1') return 'parquet';
  const text = head.toString('utf8').trimStart();
  if (text.startsWith('{')) {
    const firstLine = text.split('\n', 1)[0]!.trim();
    return firstLine.endsWith('}') ? 'jsonl' : 'json';
  }
  return byName ?? (text.startsWith('[') ? 'json' : 'csv');
}

export function parseFormat(value: string): DataFormat {
  if ((DATA_FORMATS as readonly string[]).includes(value)) return value as DataFormat;
  throw new DataInputError(`unknown data format "${value}"; pipewarden reads ${DATA_FORMATS.join(', ')}`);
}
