import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { logExample } from '../../../src/data/rules/log-examples.js';
import { runCli } from '../../helpers/cli.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-logs-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
const write = (name: string, text: string) => {
  fs.writeFileSync(path.join(dir, name), text);
  return path.join(dir, name);
};

describe('pipewarden logs', () => {
  it('flags the warning spike of an Airflow task log and exits 1', async () => {
    const file = write('task.log', logExample('airflow-task.log', 'warning-spike').code);
    const r = await runCli(['logs', file, '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(report.rates.find((x: { kind: string }) => x.kind === 'warning')).toMatchObject({ spike: true, baselineCount: 1, currentCount: 10 });
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toEqual(['data.logs.warning-spike']);
  });

  it('saves a baseline from a good log and judges a new log against it', async () => {
    const good = write('good.log', logExample('etl.log', 'steady').code);
    const baseline = path.join(dir, 'logs-baseline.json');
    const saved = await runCli(['logs', good, '--save-baseline', baseline], { cwd: dir });
    expect(saved.code).toBe(0);
    expect(JSON.parse(fs.readFileSync(baseline, 'utf8')).records).toBe(40);
    const bad = write('bad.log', logExample('etl.log', 'new-exception').code);
    const r = await runCli(['logs', bad, '--baseline', baseline], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('NEW    exception ValueError × 1');
    const clean = await runCli(['logs', good, '--baseline', baseline], { cwd: dir });
    expect(clean.code).toBe(0);
    expect(clean.stdout).toContain('No log anomalies.');
  });

  it('reads a gzipped log, refuses binary data clearly, and cuts a huge template in the text report', async () => {
    const text = logExample('airflow-task.log', 'warning-spike').code;
    const gz = path.join(dir, 'task.log.1.gz');
    fs.writeFileSync(gz, zlib.gzipSync(text));
    const r = await runCli(['logs', gz, '--format', 'json'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout).rates.find((x: { kind: string }) => x.kind === 'warning')).toMatchObject({ spike: true, currentCount: 10 });
    const binary = path.join(dir, 'core.log');
    fs.writeFileSync(binary, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x00, 0x00]));
    const refused = await runCli(['logs', binary], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(`${binary}: not a text log (a NUL byte at offset 6: binary data, or text in UTF-16)`);
    const long = write('long.log', `2024-01-01 00:00:00 ERROR ${'A'.repeat(100_000)}\n2024-01-01 00:00:01 INFO ok\n`);
    const shown = await runCli(['logs', long], { cwd: dir });
    const line = shown.stdout.split('\n').find((l) => l.includes('AAAA'))!;
    expect(line.length).toBeLessThan(300);
    expect(line).toMatch(/A… \(\d+ characters\)$/);
  });

  it('exits 2 for a file it cannot read', async () => {
    const r = await runCli(['logs', path.join(dir, 'missing.log')], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot open ${path.join(dir, 'missing.log')}: ENOENT`);
  });
});
