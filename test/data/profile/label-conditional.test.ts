import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/core/errors.js';
import { profileDataset, profileSql } from '../../../src/data/profile/index.js';
import { renderProfileText } from '../../../src/data/profile/render-text.js';
import type { DatasetProfile, LabelGroup } from '../../../src/data/profile/types.js';
import { POSTGRES_MISSING, postgresBinDir, startPostgres, type TestPostgres } from '../../helpers/postgres.js';
import { tempDataDir } from '../temp-data.js';

const write = tempDataDir();

/**
 * Label "b" has x = 5, 7 and one missing, y = 20, 40, 60; label "a" has x = 1, 3 and y = 10 and
 * one missing; a row without a label belongs to no group. By hand: a: x mean 2, sd √2; y mean 10,
 * no sd (one value); b: x mean 6, sd √2; y mean 40, sd 20.
 */
const ROWS: Array<[string | null, number | null, number | null, string]> = [
  ['a', 1, 10, 'p'],
  ['a', 3, null, 'q'],
  ['b', 5, 20, 'r'],
  ['b', 7, 40, 's'],
  ['b', null, 60, 't'],
  [null, 100, 100, 'u'],
];
const csv = `label,x,y,name\n${ROWS.map((r) => r.map((v) => v ?? '').join(',')).join('\n')}\n`;
const file = write('labelled.csv', csv);
const duckdb = { engine: 'duckdb' as const, file, threads: 1 };

function expectHandComputed(profile: DatasetProfile): void {
  const stats = profile.labelConditional!;
  expect(stats.column).toBe('label');
  expect(stats.skipped).toBeUndefined();
  expect(stats.groups.map((g) => [g.label, g.rows])).toEqual([
    ['b', 3],
    ['a', 2],
  ]);
  const moments = (g: LabelGroup, column: string) => g.columns.find((c) => c.column === column)!;
  const [b, a] = stats.groups as [LabelGroup, LabelGroup];
  expect(a.columns.map((c) => c.column)).toEqual(['x', 'y']);
  expect(moments(a, 'x')).toMatchObject({ count: 2, mean: 2 });
  expect(moments(a, 'x').stddev).toBeCloseTo(Math.SQRT2, 12);
  expect(moments(a, 'y')).toEqual({ column: 'y', count: 1, mean: 10, stddev: null });
  expect(moments(b, 'x')).toMatchObject({ count: 2, mean: 6 });
  expect(moments(b, 'x').stddev).toBeCloseTo(Math.SQRT2, 12);
  expect(moments(b, 'y')).toMatchObject({ count: 3, mean: 40 });
  expect(moments(b, 'y').stddev).toBeCloseTo(20, 12);
}

describe('label-conditional statistics', () => {
  it('computes each label\'s row count and each numeric column\'s count, mean and stddev (DuckDB)', async () => {
    const profile = await profileDataset(duckdb, { label: 'label' });
    expectHandComputed(profile);
    expect(profile.warnings).toEqual([]);
  });

  it('runs no extra query and adds no section when no label is declared', async () => {
    const profile = await profileDataset(duckdb);
    expect(profile.labelConditional).toBeUndefined();
    expect(await profileSql(duckdb)).not.toMatch(/GROUP BY label_value/);
    const sql = await profileSql(duckdb, { label: 'label' });
    expect(sql).toMatch(/-- pass 3: numeric moments per label of label\n/);
    expect(sql).toMatch(/GROUP BY label_value/);
  });

  it('skips a label column with more labels than the limit, and says so', async () => {
    const exact = await profileDataset(duckdb, { label: 'name', maxLabels: 5 });
    expect(exact.labelConditional).toEqual({
      column: 'name',
      maxLabels: 5,
      skipped: 'label column "name" has at least 6 distinct values, more than 5: no label-conditional statistics',
      groups: [],
    });
    expect(exact.warnings).toEqual([exact.labelConditional!.skipped]);
    const many = write('many.csv', `id,v\n${Array.from({ length: 400 }, (_, i) => `id${i},${i}`).join('\n')}\n`);
    const approx = await profileDataset({ engine: 'duckdb', file: many, threads: 1 }, { label: 'id' });
    expect(approx.labelConditional!.groups).toEqual([]);
    expect(approx.labelConditional!.skipped).toMatch(/^label column "id" has about \d+ distinct values, more than 50/);
    expect(renderProfileText(approx)).toMatch(/Given label id: label column "id" has about/);
  });

  it('keeps a label column within the limit, and lists the labels in text output', async () => {
    const profile = await profileDataset(duckdb, { label: 'label', maxLabels: 2 });
    expect(profile.labelConditional!.groups).toHaveLength(2);
    const text = renderProfileText(profile);
    expect(text).toMatch(/Given label label \(mean ± stddev per label\):\n {2}b \(3 rows\): x 6 ± 1\.41421, y 40 ± 20\n {2}a \(2 rows\): x 2 ± 1\.41421, y 10 ± -/);
  });

  it('rejects a label column that does not exist', async () => {
    await expect(profileDataset(duckdb, { label: 'nope' })).rejects.toThrow(UsageError);
    await expect(profileDataset(duckdb, { label: 'nope' })).rejects.toThrow(/no column "nope" to use as the label \(columns: label, x, y, name\)/);
  });
});

const hasPostgres = postgresBinDir() !== undefined;
if (!hasPostgres) console.warn(`skipping the PostgreSQL label-conditional test: ${POSTGRES_MISSING}`);

describe.skipIf(!hasPostgres)('label-conditional statistics on PostgreSQL', () => {
  let server: TestPostgres;

  beforeAll(async () => {
    server = await startPostgres();
    const client = new pg.Client({ connectionString: server.dsn });
    await client.connect();
    await client.query('CREATE TABLE labelled (label text, x bigint, y double precision, name text)');
    for (const row of ROWS) await client.query('INSERT INTO labelled VALUES ($1, $2, $3, $4)', row);
    await client.end();
  }, 180_000);

  afterAll(() => server?.stop());

  it('gives the same hand-computed numbers from the same SQL', async () => {
    const profile = await profileDataset({ engine: 'postgres', dsn: server.dsn, table: 'labelled' }, { label: 'label' });
    expect(profile.engine).toBe('postgres');
    expectHandComputed(profile);
  });
});
