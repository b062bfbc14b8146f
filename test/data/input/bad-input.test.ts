import { DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DataInputError } from '../../../src/data/engines/engine.js';
import { checkJson } from '../../../src/data/input/json-check.js';
import { profileDataset } from '../../../src/data/profile/index.js';
import { validateSource } from '../../../src/data/schema/index.js';
import { tempDataDir } from '../temp-data.js';

const write = tempDataDir();
const profile = (file: string) => profileDataset({ engine: 'duckdb', file });
const deep = (depth: number): string => `{"a":${'['.repeat(depth)}${']'.repeat(depth)},"b":1}`;

describe('hostile data files: a clear error or a counted violation, never a crash or a hang', () => {
  it('reports a truncated Parquet file as unreadable', async () => {
    const file = write('whole.parquet', '');
    const db = await DuckDBInstance.create(':memory:');
    const connection = await db.connect();
    await connection.run(`COPY (SELECT range AS id, 'x' || range AS s FROM range(5000)) TO '${file}' (FORMAT parquet)`);
    connection.closeSync();
    db.closeSync();
    const bytes = fs.readFileSync(file);
    const truncated = write('truncated.parquet', bytes.subarray(0, Math.floor(bytes.length / 2)));
    const error = await profile(truncated).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataInputError);
    expect((error as Error).message).toMatch(/^cannot read .*truncated\.parquet as parquet: /);
  });

  it('reports a file that is not Parquet at all', async () => {
    await expect(profile(write('junk.parquet', 'PAR1 definitely not parquet'))).rejects.toThrow(DataInputError);
  });

  it('counts ragged CSV rows as rejected and profiles the rest', async () => {
    const file = write('ragged.csv', 'a,b,c\n1,2,3\n4,5\n6,7,8,9\n10,11,12\n');
    const result = await profile(file);
    expect(result.rowCount).toBe(2);
    expect(result.rejectedRows).toBe(2);
    expect(result.warnings[0]).toBe('2 rows could not be read and were skipped');
    expect(result.warnings.join('\n')).toMatch(/line 3: missing columns/);
    expect(result.warnings.join('\n')).toMatch(/line 4: too many columns/);
  });

  it('reads a TSV whose sample quotes nothing as plain tab-separated text: a stray quote later on is a character, not a broken row', async () => {
    const rows = Array.from({ length: 30_000 }, (_, i) => `pkg${i}\t${i > 25_000 && i % 1000 === 0 ? '"AGENT" K is a complete "doner"-wrap' : `package ${i}`}`);
    const file = write('plain.tsv', `name\tsummary\n${rows.join('\n')}\n`);
    const result = await profile(file);
    expect(result.rowCount).toBe(30_000);
    expect(result.rejectedRows).toBe(0);
    const summary = result.columns.find((c) => c.name === 'summary')!;
    expect(summary.length.max).toBe('"AGENT" K is a complete "doner"-wrap'.length);
  });

  it('counts a line past the scan\'s 2 MB limit as rejected, where the layout sniffer used to give up on the file', async () => {
    const lines = ['id,name', ...Array.from({ length: 3000 }, (_, i) => `${i},n${i}`)];
    lines.splice(1501, 0, `x,${'y'.repeat(3_000_000)}`);
    const result = await profile(write('long-line.csv', `${lines.join('\n')}\n`));
    expect(result.rowCount).toBe(3000);
    expect(result.rejectedRows).toBe(1);
    expect(result.warnings.join('\n')).toMatch(/line 1502: line size over maximum/);
  });

  it('refuses a CSV with a line past the sniffer\'s 32 MiB at once, not after seconds of sniffing', async () => {
    const file = write('huge-line.csv', `a,b\n1,${'x'.repeat(40_000_000)}\n`);
    const error = await profile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataInputError);
    expect((error as Error).message).toBe(`cannot read ${file} as csv: a line among its first 33554432 bytes is longer than that`);
  });

  it('reads UTF-16 little-endian text, with a byte-order mark or without, and refuses big-endian clearly', async () => {
    const text = 'name,n\nZoë,1\nJosé,2\n';
    for (const bytes of [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), Buffer.from(text, 'utf16le')]) {
      const result = await profile(write('utf16.csv', bytes));
      expect(result.rowCount).toBe(2);
      expect(result.columns.find((c) => c.name === 'name')!.topValues.map((t) => t.value).sort()).toEqual(['José', 'Zoë']);
      expect(result.columns.find((c) => c.name === 'n')!.max).toBe(2);
    }
    const bigEndian = write('utf16be.csv', Buffer.from(text, 'utf16le').swap16());
    await expect(profile(bigEndian)).rejects.toThrow(`cannot read ${bigEndian} as csv: it is UTF-16 big-endian text; convert it to UTF-8 (iconv -f UTF-16BE -t UTF-8)`);
  });

  it('counts rows with invalid UTF-8 (mixed encodings) as rejected', async () => {
    const latin1 = Buffer.from('name,city\nAnn,Berlin\nJos\xe9,S\xe3o Paulo\nBo,Oslo\n', 'latin1');
    const result = await profile(write('mixed.csv', Buffer.concat([Buffer.from('name,city\nZoë,Zürich\n'), latin1.subarray(latin1.indexOf('\n') + 1)])));
    expect(result.rowCount).toBe(3);
    expect(result.rejectedRows).toBe(1);
    expect(result.warnings.join('\n')).toMatch(/invalid encoding/);
  });

  it('reads a Latin-1 file whole, saying so, where read as UTF-8 every row with an accent was lost', async () => {
    const latin1 = Buffer.from('name,city\nAnn,Berlin\nJos\xe9,S\xe3o Paulo\n=HYPERLINK("http://x"),Malm\xf6\n', 'latin1');
    const result = await profile(write('latin1.csv', latin1));
    expect(result.rowCount).toBe(3);
    expect(result.rejectedRows).toBe(0);
    expect(result.columns.find((c) => c.name === 'city')!.topValues.map((t) => t.value).sort()).toEqual(['Berlin', 'Malmö', 'São Paulo']);
    expect(result.columns.find((c) => c.name === 'name')!.signals.formulaPrefix.count).toBe(1);
    expect(result.warnings).toEqual([expect.stringMatching(/^the file is not UTF-8 .* read as Latin-1/)]);
    const report = await validateSource({ engine: 'duckdb', file: write('latin1-v.csv', latin1) }, { type: 'object', properties: { city: { type: 'string', maxLength: 8 } } });
    expect(report.records).toBe(3);
    expect(report.violations).toEqual([expect.objectContaining({ path: 'city', kind: 'maxLength', count: 1 })]);
    // A small file whose only accent is its last byte, with no newline after it.
    const short = await profile(write('latin1-end.csv', Buffer.from('name\nZo\xeb', 'latin1')));
    expect(short.columns.find((c) => c.name === 'name')!.topValues.map((t) => t.value)).toEqual(['Zoë']);
  });

  it('counts ragged rows as violations when validating a CSV', async () => {
    const report = await validateSource({ engine: 'duckdb', file: write('ragged2.csv', 'a,b\n1,2\n3\n4,5\n') }, { type: 'object', properties: { a: { type: 'integer' } } });
    expect(report.records).toBe(3);
    expect(report.violations).toEqual([expect.objectContaining({ kind: 'unreadable-row', count: 1 })]);
  });

  it('refuses JSON Lines with a duplicate key clearly when profiling', async () => {
    const error = await profile(write('dup.jsonl', '{"a":1,"a":2}\n{"a":3}\n')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataInputError);
    expect((error as Error).message).toMatch(/duplicate key "a"/);
  });

  it('counts duplicate keys as violations when validating JSON', async () => {
    const report = await validateSource({ engine: 'duckdb', file: write('dup2.jsonl', '{"a":1,"a":2}\n{"a":3}\n{"b":{"c":1,"c":1}}\n') }, { type: 'object' });
    expect(report.violations).toEqual([expect.objectContaining({ kind: 'duplicate-key', count: 2 })]);
  });

  it('profiles a 10,000-deep document without recursing into it', async () => {
    const result = await profile(write('deep.jsonl', `${deep(10_000)}\n{"a":[],"b":2}\n`));
    expect(result.rowCount).toBe(2);
    const a = result.columns.find((c) => c.name === 'a')!;
    expect(a.length.max).toBe(20_000);
  }, 60_000);

  it('counts a 10,000-deep record as a violation when validating', async () => {
    const report = await validateSource({ engine: 'duckdb', file: write('deep2.jsonl', `${deep(10_000)}\n{"a":[],"b":2}\n`) }, { type: 'object', required: ['b'] });
    expect(report.records).toBe(2);
    expect(report.violations).toEqual([expect.objectContaining({ kind: 'too-deep', count: 1 })]);
  });

  it('counts a record that is not JSON', async () => {
    const report = await validateSource({ engine: 'duckdb', file: write('broken.jsonl', '{"a":1}\n{"a":\n') }, { type: 'object' });
    expect(report.violations).toEqual([expect.objectContaining({ kind: 'invalid-json', count: 1 })]);
  });

  it('skips JSON Lines that are not records — a write cut short, a bare value — naming them, and profiles every record as a clean file would', async () => {
    const records = Array.from({ length: 50 }, (_, i) => JSON.stringify({ id: i, day: `2024-01-${String((i % 28) + 1).padStart(2, '0')}`, name: `n${i}` }));
    const clean = await profile(write('clean.jsonl', `${records.join('\n')}\n`));
    const dirty = [...records.slice(0, 10), '{"id": 10, "day": ', ...records.slice(10, 30), '5', '[1, 2]', '', ...records.slice(30)];
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-tmpdir-'));
    const previous = process.env['TMPDIR'];
    process.env['TMPDIR'] = tmp;
    try {
      const result = await profile(write('dirty.jsonl', `\uFEFF${dirty.join('\r\n')}\r\n`));
      // DuckDB's ignore_errors turned the record after a truncated line into NULLs too: all 50 must be here.
      expect(result.rowCount).toBe(50);
      expect(result.rejectedRows).toBe(3);
      expect(result.warnings).toEqual([
        '3 rows could not be read and were skipped',
        'line 11: malformed JSON: Unexpected end of JSON input',
        'line 32: not a JSON object: a number',
        'line 33: not a JSON object: an array',
      ]);
      expect(result.columns.map((c) => [c.name, c.type, c.nullCount])).toEqual(clean.columns.map((c) => [c.name, c.type, c.nullCount]));
      expect(fs.readdirSync(tmp)).toEqual([]);
    } finally {
      if (previous === undefined) delete process.env['TMPDIR'];
      else process.env['TMPDIR'] = previous;
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('profiles a field that first appears after the 20,480 records DuckDB types its columns from', async () => {
    const early = Array.from({ length: 25_000 }, (_, i) => JSON.stringify({ id: i, v: 'x' }));
    // "V" is "v" to DuckDB, whose column names ignore case: it must not break the read.
    const late = [JSON.stringify({ id: 25_000, v: 'x', cmd: '=HYPERLINK("http://evil.example")' }), JSON.stringify({ id: 25_001, V: 'y' })];
    const result = await profile(write('late-field.jsonl', `${[...early, ...late].join('\n')}\n`));
    expect(result.columns.map((c) => c.name)).toEqual(['id', 'v', 'cmd']);
    const cmd = result.columns.find((c) => c.name === 'cmd')!;
    expect([result.rowCount, cmd.nullCount, cmd.signals.formulaPrefix.count]).toEqual([25_002, 25_001, 1]);
    const array = await profile(write('late-field.json', `[${[...early, ...late].join(',')}]`));
    expect(array.columns.map((c) => c.name)).toEqual(['id', 'v', 'cmd']);
  });

  it('reads a .json file of one object per line as JSON Lines (Spark and BigQuery exports), and says what a single object is', async () => {
    const part = await profile(write('part-00000.json', '{"a":1,"b":"x"}\n{"a":2,"b":"y"}\n'));
    expect(part.rowCount).toBe(2);
    const single = write('config.json', '{\n  "partitions": {"aws": {}},\n  "version": 3\n}\n');
    await expect(profile(single)).rejects.toThrow(`cannot read ${single} as json: it holds one JSON object, not records;`);
    expect((await profile(write('rows.json', '[{"a":1},{"a":2},{"a":3}]'))).rowCount).toBe(3);
  });

  it.each([
    ['empty.csv', '', 'the file is empty'],
    ['blank.csv', '\n\r\n  \n', 'the file holds only blank lines'],
    ['bom.tsv', '\ufeff\n', 'the file holds only blank lines'],
    ['empty.jsonl', '', 'the file is empty'],
    ['none.json', ' [ ]\n', 'the file is an empty JSON array: it holds no records'],
    ['empty.csv.gz', gzipSync(''), 'the file is empty'],
    ['blank.jsonl.gz', gzipSync('\n\n'), 'the file holds only blank lines'],
  ])('refuses %s, which holds no records, instead of profiling a column DuckDB makes up for it', async (name, text, why) => {
    await expect(profile(write(name, text))).rejects.toThrow(`as ${name.split('.')[1]}: ${why}`);
  });

  it('profiles a CSV of a header alone as its columns with no rows and no warning', async () => {
    const result = await profile(write('header.csv', 'id,name\n'));
    expect(result.rowCount).toBe(0);
    expect(result.columns.map((c) => c.name)).toEqual(['id', 'name']);
    expect(result.warnings).toEqual([]);
  });

  it('warns where DuckDB renamed a header: a name given twice (a smuggled duplicate column) and a column with no name', async () => {
    const result = await profile(write('smuggled.csv', 'id,amount,amount,\n1,2,3,4\n'));
    expect(result.columns.map((c) => c.name)).toEqual(['id', 'amount', 'amount_1', 'column3']);
    expect(result.warnings).toEqual([
      'the header names amount more than once; column 3 is profiled as amount_1',
      'column 4 has no name in the header; it is profiled as column3',
    ]);
    expect((await profile(write('plain.tsv', 'id\tamount_1\n1\t2\n'))).warnings).toEqual([]);
  });

  it('reports a missing file', async () => {
    await expect(profile('/nonexistent/data.csv')).rejects.toThrow(/no such file/);
  });
});

describe('checkJson', () => {
  it('finds duplicate keys at any depth, decoding escapes', () => {
    expect(checkJson('{"a":{"x":1,"\\u0078":2},"b":[{"k":1,"k":2}]}').duplicateKeys).toEqual(['/a/x', '/b/-/k']);
  });

  it('does not mistake string contents for structure', () => {
    expect(checkJson('{"a":"{\\"a\\":1,","b":"[[[["}')).toEqual({ tooDeep: false, duplicateKeys: [] });
  });

  it('stops at the depth limit', () => {
    expect(checkJson(deep(600)).tooDeep).toBe(true);
    expect(checkJson(deep(100)).tooDeep).toBe(false);
  });
});
