import zlib from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { DataInputError } from '../../../src/data/engines/engine.js';
import { detectFormat } from '../../../src/data/input/format.js';
import { profileDataset } from '../../../src/data/profile/index.js';
import { validateSource } from '../../../src/data/schema/index.js';
import { tempDataDir } from '../temp-data.js';

const write = tempDataDir();
const profile = (file: string) => profileDataset({ engine: 'duckdb', file });
const records = Array.from({ length: 300 }, (_, i) => JSON.stringify({ id: i, day: `2024-02-${String((i % 28) + 1).padStart(2, '0')}`, amount: i % 7 === 0 ? 'n/a' : i * 1.5 }));
const jsonl = `${records.join('\n')}\n`;

describe('compressed data files', () => {
  it('profiles gzip JSON Lines as the plain file, named after it without .gz — not as a CSV of compressed bytes', async () => {
    const plain = await profile(write('events.jsonl', jsonl));
    const gzipped = await profile(write('events.jsonl.gz', zlib.gzipSync(jsonl)));
    expect(gzipped.dataset).toBe('events');
    expect(gzipped.rowCount).toBe(300);
    expect(gzipped.columns.map((c) => [c.name, c.type, c.typeMismatchCount])).toEqual(plain.columns.map((c) => [c.name, c.type, c.typeMismatchCount]));
  });

  it('knows gzip by its bytes when the name does not say so, and skips malformed lines inside it', async () => {
    const file = write('export-0001', zlib.gzipSync(`${records.slice(0, 10).join('\n')}\n{"id": 10, "day":\n${records.slice(11, 20).join('\n')}\n`));
    expect(detectFormat(file)).toBe('jsonl');
    const result = await profile(file);
    expect(result.rowCount).toBe(19);
    expect(result.warnings).toEqual(['1 rows could not be read and were skipped', 'line 11: malformed JSON: Unexpected end of JSON input']);
  });

  it('profiles zstd CSV through DuckDB', async () => {
    const file = write('orders.csv.zst', '');
    const db = await DuckDBInstance.create(':memory:');
    const connection = await db.connect();
    await connection.run(`COPY (SELECT range AS id, 'sku-' || range AS sku FROM range(500)) TO '${file}' (FORMAT csv, HEADER, COMPRESSION zstd)`);
    connection.closeSync();
    db.closeSync();
    const result = await profile(file);
    expect([result.dataset, result.rowCount, result.columns.map((c) => c.name)]).toEqual(['orders', 500, ['id', 'sku']]);
  });

  it('validates gzip JSON Lines and a gzip JSON document record by record', async () => {
    const schema = { type: 'object', properties: { amount: { type: 'number' } } } as const;
    const lines = await validateSource({ engine: 'duckdb', file: write('batch.jsonl.gz', zlib.gzipSync(jsonl)) }, schema);
    expect([lines.method, lines.records, lines.violations.map((v) => [v.path, v.kind, v.count])]).toEqual(['ajv', 300, [['amount', 'type', 43]]]);
    const document = await validateSource({ engine: 'duckdb', file: write('batch.json.gz', zlib.gzipSync(`[${records.join(',')}]`)) }, schema);
    expect([document.records, document.violations.map((v) => v.count)]).toEqual([300, [43]]);
  });

  it('says what to do with zstd JSON for the record-by-record check, which Node 20 cannot decompress', async () => {
    const file = write('batch.jsonl.zst', Buffer.from([0x28, 0xb5, 0x2f, 0xfd, 0, 0, 0, 0]));
    const error = await validateSource({ engine: 'duckdb', file }, { type: 'object' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataInputError);
    expect((error as Error).message).toBe(`${file} is zstd-compressed, which only the DuckDB paths read (profile, drift, CSV validation); decompress it for JSON validation (zstd -d ${file})`);
  });
});
