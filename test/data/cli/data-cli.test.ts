import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataProfileStore } from '../../../src/store/data-profiles.js';
import { REPO, runCli } from '../../helpers/cli.js';
import { sampleRows, toCsv } from '../sample-data.js';
import { tempDataDir } from '../temp-data.js';

const write = tempDataDir();
const people = path.join(REPO, 'test', 'fixtures', 'data', 'people.csv');

describe('pipewarden profile', () => {
  const data = write('orders.csv', toCsv(sampleRows(500)));
  const db = path.join(path.dirname(data), 'history.db');

  it('prints JSON naming every column with its metrics, and stores the batch under the file name', async () => {
    const result = await runCli(['profile', data, '--format', 'json', '--db', db]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const profile = JSON.parse(result.stdout);
    expect(profile.dataset).toBe('orders');
    expect(profile.columns.map((c: { name: string }) => c.name)).toEqual(['id', 'amount', 'category', 'note', 'day', 'flag']);
    expect(profile.columns[1]).toMatchObject({ name: 'amount', type: 'number', quantiles: expect.any(Array), histogram: expect.any(Array) });
    const store = new DataProfileStore(db);
    expect(store.batches('orders')).toHaveLength(1);
    store.close();
  });

  it('saves a named baseline and stores batches under --dataset', async () => {
    const result = await runCli(['profile', data, '--db', db, '--dataset', 'orders-eu', '--save-baseline', 'golden']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Profile of .*orders\.csv \(dataset orders-eu, duckdb\): 500 rows, 6 columns/);
    expect(result.stdout).toMatch(/note: sqlFragment in 1 values \(0\.2..%\), e.g. "x' Ox 9=9 --"/);
    expect(result.stdout).toMatch(/day +date .* 2024-01-01 +2024-12-30/);
    const store = new DataProfileStore(db);
    expect(store.baseline('golden')!.dataset).toBe('orders-eu');
    expect(store.batches('orders-eu')).toHaveLength(1);
    store.close();
  });

  it('shows a timestamp column\'s extremes both as instants, a midnight one too', async () => {
    const events = write('events.csv', 'at\n2024-03-01 00:01:00\n2024-03-02 00:00:00\n2024-03-01 12:30:00\n');
    const result = await runCli(['profile', events, '--no-store']);
    expect(result.stdout).toMatch(/at +datetime .* 2024-03-01T00:01:00Z +2024-03-02T00:00:00Z/);
  });

  it('exits 1 with --fail-on-signals when a security signal is found, 0 when none is', async () => {
    const flagged = await runCli(['profile', data, '--no-store', '--fail-on-signals']);
    expect(flagged.code).toBe(1);
    const clean = await runCli(['profile', write('clean.csv', 'a,b\n1,x\n2,y\n'), '--no-store', '--fail-on-signals']);
    expect(clean.stdout).toMatch(/Security signals: none/);
    expect(clean.code).toBe(0);
  });

  it('writes a self-contained HTML page with escaped data and SVG histograms', async () => {
    const out = path.join(path.dirname(data), 'profile.html');
    const result = await runCli(['profile', data, '--no-store', '--format', 'html', '--output', out]);
    expect(result.code).toBe(0);
    const html = fs.readFileSync(out, 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/(src|href)="http/);
    expect(html).toContain('&#60;scrx');
  });

  it('prints the SQL on --dry-run and stores nothing', async () => {
    const dryDb = path.join(path.dirname(data), 'dry.db');
    const result = await runCli(['profile', data, '--dry-run', '--db', dryDb]);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^-- pass 1/);
    expect(result.stdout).toContain('approx_quantile');
    expect(fs.existsSync(dryDb)).toBe(false);
  });

  it('exits 2 with one line for bad flags and unreadable data', async () => {
    const noTable = await runCli(['profile', '--engine', 'postgres', '--dsn', 'postgres://x@127.0.0.1:1/db']);
    expect(noTable.code).toBe(2);
    expect(noTable.stderr).toBe('pipewarden: --engine postgres needs --dsn and --table\n');
    const missing = await runCli(['profile', path.join(path.dirname(data), 'nope.csv'), '--no-store']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file/);
    const junk = await runCli(['profile', write('junk.parquet', 'PAR1junk'), '--no-store']);
    expect(junk.code).toBe(2);
    expect(junk.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('pipewarden schema', () => {
  it('infers a schema that validate then accepts (exit 0)', async () => {
    const schemaFile = path.join(path.dirname(write('x', '')), 'people.schema.json');
    const infer = await runCli(['schema', 'infer', people, '--output', schemaFile, '--margin', '0.2']);
    expect(infer.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(schemaFile, 'utf8')).properties.plan.enum).toEqual(['free', 'pro', 'team']);
    const validate = await runCli(['schema', 'validate', '--schema', schemaFile, people]);
    expect(validate.stderr).toBe('');
    expect(validate.stdout).toMatch(/40 records checked \(sql:duckdb\), no violations/);
    expect(validate.code).toBe(0);
  });

  it('exits 1 on violations and prints counts with redacted examples', async () => {
    const schemaFile = write('strict.json', JSON.stringify({ type: 'object', properties: { plan: { type: 'string', enum: ['free'] } } }));
    const result = await runCli(['schema', 'validate', '--schema', schemaFile, people, '--format', 'json']);
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.violations).toEqual([{ path: 'plan', kind: 'enum', count: 27, examples: ['pro', 'team'] }]);
  });

  it('validates JSON Lines against a protobuf message', async () => {
    const fixtures = path.join(REPO, 'test', 'fixtures', 'data');
    const result = await runCli(['schema', 'validate', '--proto', path.join(fixtures, 'event.proto'), '--message', 'demo.Event', path.join(fixtures, 'events.jsonl')]);
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/6 records checked \(protobuf:demo.Event\)/);
    expect(result.stdout).toMatch(/admin {2}unknown-field: 1/);
  });

  it('needs exactly one of --schema and --proto', async () => {
    const result = await runCli(['schema', 'validate', people]);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('pipewarden: give either --schema FILE or --proto FILE --message NAME\n');
  });
});
