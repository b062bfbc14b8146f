import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';
import { normal, seededRandom, tempDir } from '../monitor/synthetic.js';

let dir: string;
const random = seededRandom(99);
const z = normal(random);

function writeCsv(name: string, n: number, shift = 0, fraud = 0.3): string {
  const file = path.join(dir, name);
  const rows = Array.from({ length: n }, () => `${(50 + shift + 5 * z()).toFixed(2)},${random() < fraud ? 'fraud' : 'ok'}`);
  fs.writeFileSync(file, `amount,label\n${rows.join('\n')}\n`);
  return file;
}

beforeAll(() => {
  dir = tempDir();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('pipewarden drift', () => {
  it('exits 1 and reports each column with drifted and its test values in JSON', async () => {
    const reference = writeCsv('ref.csv', 2000);
    const current = writeCsv('cur.csv', 2000, 3, 0.5);
    const r = await runCli(['drift', '--reference', reference, '--current', current, '--format', 'json'], { cwd: dir });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    const amount = report.columns.find((c: { column: string }) => c.column === 'amount');
    expect(amount.drifted).toBe(true);
    expect(amount.distribution.tests.wasserstein.normalized).toBeGreaterThan(0.4);
    expect(amount.distribution.tests.ks.pValue).toBeLessThan(1e-6);
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId).sort()).toEqual(['data.drift.categorical', 'data.drift.numeric']);
    expect(report.findings[0].location.file).toBe(current);
  });

  it('exits 0 when nothing drifted, and compares with a saved baseline', async () => {
    const reference = writeCsv('base.csv', 2000);
    const db = path.join(dir, 'history.db');
    const saved = await runCli(['profile', reference, '--save-baseline', 'orders-v1', '--no-store', '--db', db, '--format', 'json'], { cwd: dir });
    expect(saved.code).toBe(0);
    const current = writeCsv('same.csv', 2000);
    const r = await runCli(['drift', '--reference', 'baseline:orders-v1', '--current', current, '--db', db], { cwd: dir });
    expect(r.stdout).toContain('No drift in 2 columns.');
    expect(r.code).toBe(0);
  });

  it('takes per-column thresholds from pipewarden.yml', async () => {
    const reference = writeCsv('r2.csv', 2000);
    const current = writeCsv('c2.csv', 2000, 3);
    const cwd = path.join(dir, 'configured');
    fs.mkdirSync(cwd);
    fs.writeFileSync(path.join(cwd, 'pipewarden.yml'), 'data:\n  drift:\n    columns:\n      amount:\n        threshold: 0.9\n        rangeShare: 0.5\n');
    const r = await runCli(['drift', '--reference', reference, '--current', current, '--format', 'json'], { cwd });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).columns[0].distribution.rule).toBe('normalized Wasserstein ≥ 0.9 and KS p < 0.001');
  });

  it('exits 2 on a missing baseline or missing flags', async () => {
    const missing = await runCli(['drift', '--reference', 'baseline:nope', '--current', 'x.csv', '--db', path.join(dir, 'empty.db')], { cwd: dir });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no saved baseline "nope"');
    const flags = await runCli(['drift', '--reference', 'a.csv'], { cwd: dir });
    expect(flags.code).toBe(2);
  });

  it('POSTs the alerts to --webhook', async () => {
    const bodies: string[] = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        bodies.push(body);
        res.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const r = await runCli(['drift', '--reference', writeCsv('r3.csv', 1000), '--current', writeCsv('c3.csv', 1000, 4), '--webhook', url, '--webhook-format', 'slack'], { cwd: dir });
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(r.code).toBe(1);
    expect(bodies).toHaveLength(1);
    expect(JSON.parse(bodies[0]!).text).toContain('data.drift.numeric');
  });
});

describe('slow drift through profile and drift --dataset', () => {
  it('alarms after a stored series walks away from the golden baseline', async () => {
    const db = path.join(dir, 'series.db');
    const golden = writeCsv('golden.csv', 5000);
    expect((await runCli(['profile', golden, '--dataset', 'orders', '--save-baseline', 'orders', '--db', db, '--format', 'json'], { cwd: dir })).code).toBe(0);
    const codes: number[] = [];
    for (let t = 1; t <= 6; t++) {
      const shift = 0.05 * 5 * t; // +0.05σ per batch, σ = 5
      const r = await runCli(['profile', writeCsv(`batch-${t}.csv`, 500, shift), '--dataset', 'orders', '--db', db, '--format', 'json'], { cwd: dir });
      codes.push(r.code!);
      if (r.code === 1) expect(r.stderr).toContain('data.slow-drift');
    }
    expect(codes.at(-1)).toBe(1);
    const r = await runCli(['drift', '--dataset', 'orders', '--db', db, '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.batches).toBe(6);
    const mean = report.series.find((s: { column: string; metric: string }) => s.column === 'amount' && s.metric === 'mean');
    expect(mean.alarm).toBe(true);
    expect(report.findings[0]).toMatchObject({ ruleId: 'data.slow-drift', location: { file: 'dataset:orders' } });
  });
});
