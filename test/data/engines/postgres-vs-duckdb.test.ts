import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileDataset, profileSql } from '../../../src/data/profile/index.js';
import type { ColumnProfile, DatasetProfile } from '../../../src/data/profile/types.js';
import { validateSource } from '../../../src/data/schema/index.js';
import { POSTGRES_MISSING, postgresBinDir, startPostgres, type TestPostgres } from '../../helpers/postgres.js';
import { sampleRows, toCsv } from '../sample-data.js';

const hasPostgres = postgresBinDir() !== undefined;
if (!hasPostgres) console.warn(`skipping PostgreSQL engine tests: ${POSTGRES_MISSING}`);

describe.skipIf(!hasPostgres)('the same metrics on PostgreSQL and DuckDB', () => {
  let server: TestPostgres;
  let dir: string;
  let fromPostgres: DatasetProfile;
  let fromDuckDb: DatasetProfile;
  const rows = sampleRows(3000);

  beforeAll(async () => {
    server = await startPostgres();
    const client = new pg.Client({ connectionString: server.dsn });
    await client.connect();
    await client.query('CREATE TABLE sample (id bigint, amount double precision, category text, note text, day date, flag boolean)');
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      const values = chunk.map((_, j) => `($${j * 6 + 1}, $${j * 6 + 2}, $${j * 6 + 3}, $${j * 6 + 4}, $${j * 6 + 5}, $${j * 6 + 6})`).join(', ');
      await client.query(`INSERT INTO sample VALUES ${values}`, chunk.flatMap((r) => [r.id, r.amount, r.category, r.note, r.day, r.flag]));
    }
    await client.end();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-engines-'));
    fs.writeFileSync(path.join(dir, 'sample.csv'), toCsv(rows));
    fromPostgres = await profileDataset({ engine: 'postgres', dsn: server.dsn, table: 'sample' });
    fromDuckDb = await profileDataset({ engine: 'duckdb', file: path.join(dir, 'sample.csv') });
  }, 180_000);

  afterAll(() => {
    server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  const column = (profile: DatasetProfile, name: string): ColumnProfile => profile.columns.find((c) => c.name === name)!;

  it('agrees on row counts, types and null counts', () => {
    expect(fromPostgres.rowCount).toBe(3000);
    expect(fromDuckDb.rowCount).toBe(3000);
    expect(fromPostgres.engine).toBe('postgres');
    for (const name of ['id', 'amount', 'category', 'note', 'day', 'flag']) {
      const p = column(fromPostgres, name);
      const d = column(fromDuckDb, name);
      expect(d.type, name).toBe(p.type);
      expect(d.nullCount, name).toBe(p.nullCount);
    }
    expect(column(fromPostgres, 'amount').nullCount).toBe(rows.filter((r) => r.amount === null).length);
  });

  it('agrees on numeric moments exactly and quantiles within the t-digest error', () => {
    const p = column(fromPostgres, 'amount');
    const d = column(fromDuckDb, 'amount');
    const values = rows.flatMap((r) => (r.amount === null ? [] : [r.amount]));
    expect(p.min).toBe(Math.min(...values));
    expect(d.min).toBe(p.min);
    expect(d.max).toBe(p.max);
    expect(d.mean!).toBeCloseTo(p.mean!, 6);
    expect(d.stddev!).toBeCloseTo(p.stddev!, 6);
    expect(p.quantiles).toHaveLength(101);
    expect(d.quantiles).toHaveLength(101);
    const range = (p.max as number) - (p.min as number);
    for (let i = 0; i <= 100; i += 5) expect(Math.abs(d.quantiles[i]! - p.quantiles[i]!), `p${i}`).toBeLessThan(range * 0.02);
  });

  it('gives the non-finite values of a double column as its examples, as DuckDB does for Parquet', async () => {
    const client = new pg.Client({ connectionString: server.dsn });
    await client.connect();
    await client.query("CREATE TABLE scores AS SELECT v AS score FROM unnest(ARRAY[1, 'NaN', 2, '-Infinity', 3]::float8[]) AS t(v)");
    await client.end();
    const profile = await profileDataset({ engine: 'postgres', dsn: server.dsn, table: 'scores' });
    expect(column(profile, 'score').signals.nanOrInfinity).toMatchObject({ count: 2, examples: ['-Infinity', 'NaN'] });
  });

  it('builds identical histograms and top values', () => {
    for (const name of ['amount', 'id']) expect(column(fromDuckDb, name).histogram, name).toEqual(column(fromPostgres, name).histogram);
    expect(column(fromPostgres, 'amount').histogram.reduce((n, b) => n + b.count, 0)).toBe(3000 - column(fromPostgres, 'amount').nullCount);
    expect(column(fromDuckDb, 'category').topValues).toEqual(column(fromPostgres, 'category').topValues);
    expect(column(fromDuckDb, 'flag').topValues).toEqual(column(fromPostgres, 'flag').topValues);
    expect(column(fromDuckDb, 'flag').mean!).toBeCloseTo(column(fromPostgres, 'flag').mean!, 10);
  });

  it('agrees on distinct counts (exact in PostgreSQL, HyperLogLog in DuckDB) and string lengths', () => {
    const p = column(fromPostgres, 'note');
    const d = column(fromDuckDb, 'note');
    expect(Math.abs(d.approxDistinct - p.approxDistinct) / p.approxDistinct).toBeLessThan(0.05);
    expect(d.length).toEqual({ min: p.length.min, max: p.length.max, mean: expect.closeTo(p.length.mean!, 8) });
  });

  it('finds the same security signals in both engines', () => {
    const p = column(fromPostgres, 'note').signals;
    const d = column(fromDuckDb, 'note').signals;
    for (const signal of ['formulaPrefix', 'sqlFragment', 'scriptFragment', 'pathTraversal', 'bidiOverride', 'controlChars'] as const) {
      expect(p[signal].count, signal).toBeGreaterThan(0);
      expect(d[signal].count, signal).toBe(p[signal].count);
      expect(d[signal].examples, signal).toEqual(p[signal].examples);
    }
  });

  it('validates a table with the same schema rules as SQL in PostgreSQL', async () => {
    const report = await validateSource(
      { engine: 'postgres', dsn: server.dsn, table: 'sample' },
      { type: 'object', properties: { amount: { type: ['number', 'null'], maximum: 500 }, category: { type: 'string', enum: ['alpha', 'beta'] } } },
    );
    const expectedOver = rows.filter((r) => r.amount !== null && r.amount > 500).length;
    const expectedEnum = rows.filter((r) => !['alpha', 'beta'].includes(r.category)).length;
    expect(report.method).toBe('sql:postgres');
    expect(report.violations.find((v) => v.kind === 'maximum')?.count).toBe(expectedOver);
    expect(report.violations.find((v) => v.kind === 'enum')?.count).toBe(expectedEnum);
  });

  it('prints PostgreSQL SQL on a dry run', async () => {
    const sql = await profileSql({ engine: 'postgres', dsn: server.dsn, table: 'sample' });
    expect(sql).toContain('percentile_cont(ARRAY[');
    expect(sql).toContain('FROM "public"."sample"');
  });
});
