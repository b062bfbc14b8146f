import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';
import { POSTGRES_MISSING, postgresBinDir, startPostgres, type TestPostgres } from '../../helpers/postgres.js';

const hasPostgres = postgresBinDir() !== undefined;
if (!hasPostgres) console.warn(`skipping the PostgreSQL CLI tests: ${POSTGRES_MISSING}`);

describe.skipIf(!hasPostgres)('pipewarden profile --engine postgres', () => {
  let server: TestPostgres;

  beforeAll(async () => {
    server = await startPostgres();
    const client = new pg.Client({ connectionString: server.dsn });
    await client.connect();
    await client.query('CREATE SCHEMA shop');
    await client.query("CREATE TABLE shop.orders AS SELECT i AS id, (i % 7) * 1.5 AS price, CASE WHEN i % 50 = 0 THEN '=cmd|calc' ELSE 'item ' || i END AS label FROM generate_series(1, 500) i");
    await client.end();
  }, 120_000);

  afterAll(() => server?.stop());

  it('profiles a table where it lives and names the batch after it', async () => {
    const result = await runCli(['profile', '--engine', 'postgres', '--dsn', server.dsn, '--table', 'shop.orders', '--format', 'json', '--no-store']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const profile = JSON.parse(result.stdout);
    expect(profile).toMatchObject({ dataset: 'shop.orders', source: 'postgres:shop.orders', engine: 'postgres', rowCount: 500 });
    const label = profile.columns.find((c: { name: string }) => c.name === 'label');
    expect(label.signals.formulaPrefix).toEqual({ count: 10, rate: 0.02, examples: ['=cmd|xxxx'] });
    expect(profile.columns.find((c: { name: string }) => c.name === 'price')).toMatchObject({ type: 'number', min: 0, max: 9 });
  });

  it('prints the PostgreSQL SQL on --dry-run', async () => {
    const result = await runCli(['profile', '--engine', 'postgres', '--dsn', server.dsn, '--table', 'shop.orders', '--dry-run']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('FROM "shop"."orders"');
    expect(result.stdout).toContain('WITHIN GROUP (ORDER BY');
  });

  it('validates a table against a schema with SQL in PostgreSQL', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-pgcli-'));
    const schema = path.join(dir, 'schema.json');
    fs.writeFileSync(schema, JSON.stringify({ type: 'object', properties: { price: { type: 'number', maximum: 6 } } }));
    const result = await runCli(['schema', 'validate', '--engine', 'postgres', '--dsn', server.dsn, '--table', 'shop.orders', '--schema', schema, '--format', 'json']);
    fs.rmSync(dir, { recursive: true, force: true });
    expect(result.code).toBe(1);
    const report = JSON.parse(result.stdout);
    expect(report.method).toBe('sql:postgres');
    expect(report.violations).toEqual([{ path: 'price', kind: 'maximum', count: 142, examples: ['7.5', '9.0'] }]);
  });

  it('exits 2 with one line when the server is unreachable', async () => {
    const result = await runCli(['profile', '--engine', 'postgres', '--dsn', 'postgres://nobody@127.0.0.1:1/none', '--table', 't']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^pipewarden: cannot connect to PostgreSQL: /);
  });
});
