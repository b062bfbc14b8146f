import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareProfiles, type ColumnDrift, type DriftReport } from '../../../src/data/drift/compare.js';
import { resolveDriftSettings } from '../../../src/data/drift/settings.js';
import { profileSides, type DriftSide } from '../../../src/data/drift/sides.js';
import { runCli } from '../../helpers/cli.js';
import { POSTGRES_MISSING, postgresBinDir, startPostgres, type TestPostgres } from '../../helpers/postgres.js';
import { normal, seededRandom, tempDir } from '../monitor/synthetic.js';

const hasPostgres = postgresBinDir() !== undefined;
if (!hasPostgres) console.warn(`skipping the PostgreSQL drift tests: ${POSTGRES_MISSING}`);

const COLUMNS = ['amount', 'qty', 'label', 'channel', 'score', 'note'] as const;
type Cells = Array<string | null>;

/**
 * The same rows go to a CSV and to a table. Against the reference, the current data has: amount
 * shifted by 0.4σ, labels flipped from 30% to 50% fraud, 5% of scores that are not numbers, and
 * four times the missing notes; qty and channel keep their distributions.
 */
function rows(n: number, current: boolean, seed: number): Cells[] {
  const random = seededRandom(seed);
  const z = normal(random);
  return Array.from({ length: n }, () => [
    (100 + (current ? 6 : 0) + 15 * z()).toFixed(2),
    String(Math.floor(random() * random() * 10)),
    random() < (current ? 0.5 : 0.3) ? 'fraud' : 'ok',
    ['web', 'app', 'store'][Math.floor(random() * 3)]!,
    current && random() < 0.05 ? 'n/a' : (random() * 10).toFixed(3),
    random() < (current ? 0.2 : 0.05) ? null : `note ${Math.floor(random() * 50)}`,
  ]);
}

function csv(data: Cells[]): string {
  return `${COLUMNS.join(',')}\n${data.map((r) => r.map((v) => v ?? '').join(',')).join('\n')}\n`;
}

async function loadTable(client: pg.Client, table: string, scoreType: string, data: Cells[]): Promise<void> {
  await client.query(`CREATE TABLE ${table} (amount double precision, qty bigint, label text, channel text, score ${scoreType}, note text)`);
  for (let i = 0; i < data.length; i += 500) {
    const chunk = data.slice(i, i + 500);
    const values = chunk.map((_, j) => `(${COLUMNS.map((__, k) => `$${j * COLUMNS.length + k + 1}`).join(', ')})`).join(', ');
    await client.query(`INSERT INTO ${table} VALUES ${values}`, chunk.flat());
  }
}

const column = (report: DriftReport, name: string): ColumnDrift => report.columns.find((c) => c.column === name)!;

/** The verdict of every check of every column: what must not depend on the engine. */
function verdicts(report: DriftReport): Record<string, Record<string, boolean | undefined>> {
  return Object.fromEntries(
    report.columns.map((c) => [
      c.column,
      { drifted: c.drifted, distribution: c.distribution?.drifted, nullRate: c.nullRate?.drifted, typeMismatchRate: c.typeMismatchRate?.drifted, range: c.range?.drifted, typeChanged: c.typeChanged !== undefined },
    ]),
  );
}

describe.skipIf(!hasPostgres)('drift pushed down to PostgreSQL', () => {
  let server: TestPostgres;
  let dir: string;
  let files: { reference: string; current: string };
  const settings = resolveDriftSettings();
  const fileSide = (file: string): DriftSide => ({ kind: 'data', name: file, source: { engine: 'duckdb', file, threads: 1 } });
  const tableSide = (table: string): DriftSide => ({ kind: 'data', name: `postgres:${table}`, source: { engine: 'postgres', dsn: server.dsn, table } });
  const drift = async (reference: DriftSide, current: DriftSide): Promise<DriftReport> => {
    const profiles = await profileSides(reference, current);
    return compareProfiles(profiles.reference, profiles.current, settings);
  };
  let onDuckDb: DriftReport;

  beforeAll(async () => {
    const reference = rows(3000, false, 11);
    const current = rows(3000, true, 12);
    dir = tempDir();
    files = { reference: path.join(dir, 'reference.csv'), current: path.join(dir, 'current.csv') };
    fs.writeFileSync(files.reference, csv(reference));
    fs.writeFileSync(files.current, csv(current));
    server = await startPostgres();
    const client = new pg.Client({ connectionString: server.dsn });
    await client.connect();
    await loadTable(client, 'reference', 'double precision', reference);
    // The current table's score arrives as text, as a loosely typed landing table would have it.
    await loadTable(client, 'current', 'text', current);
    await client.end();
    onDuckDb = await drift(fileSide(files.reference), fileSide(files.current));
  }, 180_000);

  afterAll(() => {
    server?.stop();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('finds the planted drift on DuckDB (the yardstick the PostgreSQL run is held to)', () => {
    expect(verdicts(onDuckDb)).toMatchObject({
      amount: { drifted: true, distribution: true },
      qty: { drifted: false },
      label: { drifted: true, distribution: true },
      channel: { drifted: false },
      score: { drifted: true, typeMismatchRate: true, distribution: false },
      note: { drifted: true, nullRate: true },
    });
  });

  it('gives the same verdicts and test values with both tables profiled in PostgreSQL', async () => {
    const onPostgres = await drift(tableSide('reference'), tableSide('current'));
    expect(onPostgres.current).toEqual({ source: 'postgres:current', rows: 3000 });
    expect(verdicts(onPostgres)).toEqual(verdicts(onDuckDb));
    for (const name of COLUMNS) {
      const p = column(onPostgres, name);
      const d = column(onDuckDb, name);
      // Counts are exact in both engines; quantile-based values differ only by DuckDB's t-digest error.
      expect(p.nullRate, name).toEqual(d.nullRate);
      expect(p.typeMismatchRate, name).toEqual(d.typeMismatchRate);
      const [pt, dt] = [p.distribution?.tests, d.distribution?.tests];
      if (dt?.chiSquare) expect(pt?.chiSquare, name).toEqual(dt.chiSquare);
      if (dt?.ks) {
        expect(Math.abs(pt!.ks!.statistic - dt.ks.statistic), name).toBeLessThan(0.02);
        expect(Math.abs(pt!.wasserstein!.normalized - dt.wasserstein!.normalized), name).toBeLessThan(0.02);
        expect(Math.abs(pt!.psi - dt.psi), name).toBeLessThan(0.02);
      }
    }
    expect(column(onPostgres, 'score').typeMismatchRate!.current).toBeCloseTo(0.05, 1);
  });

  it('gives the same verdicts for a file reference against a table', async () => {
    const mixed = await drift(fileSide(files.reference), tableSide('current'));
    expect(verdicts(mixed)).toEqual(verdicts(onDuckDb));
  });

  it('runs from the CLI with --engine postgres and reports like the file comparison', async () => {
    const onTables = await runCli(['drift', '--engine', 'postgres', '--dsn', server.dsn, '--reference-table', 'reference', '--current-table', 'current', '--format', 'json'], { cwd: dir });
    expect(onTables.stderr).toBe('');
    expect(onTables.code).toBe(1);
    const onFiles = await runCli(['drift', '--reference', files.reference, '--current', files.current, '--format', 'json'], { cwd: dir });
    expect(onFiles.stderr).toBe('');
    expect(onFiles.code).toBe(1);
    const [tables, csvs] = [JSON.parse(onTables.stdout), JSON.parse(onFiles.stdout)];
    expect(verdicts(tables)).toEqual(verdicts(csvs));
    const rules = (report: { findings: Array<{ ruleId: string; message: string }> }) => report.findings.map((f) => `${f.ruleId} ${f.message.split(':')[0]}`).sort();
    expect(rules(tables)).toEqual(rules(csvs));
    expect(tables.findings[0].location.file).toBe('postgres:current');
  });

  it('prints the SQL of each side on --dry-run, the current table judged by the reference file types', async () => {
    const r = await runCli(['drift', '--reference', files.reference, '--engine', 'postgres', '--dsn', server.dsn, '--current-table', 'current', '--dry-run'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const [reference, current] = r.stdout.split('-- current: ');
    expect(reference).toContain(`-- reference: ${files.reference} (duckdb)`);
    expect(reference).toContain('read_csv(');
    expect(current).toMatch(/^postgres:current \(postgres\)/);
    expect(current).toContain('FROM "public"."current"');
    expect(current).toContain('percentile_cont(ARRAY[');
    // score is text in the table but numeric in the reference: the SQL parses it as a number.
    expect(current).toContain(`AS "c4_raw",\n      (CASE WHEN CAST("score" AS TEXT) ~`);
  });

  it('compares a table with a saved baseline, and prints only the table SQL on --dry-run', async () => {
    const db = path.join(dir, 'history.db');
    const saved = await runCli(['profile', files.reference, '--save-baseline', 'reference-v1', '--no-store', '--db', db, '--format', 'json'], { cwd: dir });
    expect(saved.code).toBe(0);
    const args = ['drift', '--reference', 'baseline:reference-v1', '--db', db, '--engine', 'postgres', '--dsn', server.dsn, '--current-table', 'current'];
    const r = await runCli([...args, '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    expect(verdicts(JSON.parse(r.stdout))).toEqual(verdicts(onDuckDb));
    const dry = await runCli([...args, '--dry-run'], { cwd: dir });
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/^-- reference: baseline:reference-v1, a saved profile: no query\n-- current: postgres:current \(postgres\)\n/);
    expect(dry.stdout).toContain('FROM "public"."current"');
  });

  it('exits 2 on engine options that do not fit together', async () => {
    const cases = [
      ['--reference', files.reference, '--current-table', 'current'],
      ['--engine', 'postgres', '--reference', files.reference, '--current-table', 'current'],
      ['--engine', 'postgres', '--dsn', server.dsn, '--reference', files.reference, '--current', files.current],
      ['--engine', 'postgres', '--dsn', server.dsn, '--current', files.current, '--current-table', 'current', '--reference', files.reference],
    ];
    for (const args of cases) {
      const r = await runCli(['drift', ...args], { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr, args.join(' ')).toMatch(/^pipewarden: .*(--engine postgres|--dsn|not both)/);
    }
  });
});
