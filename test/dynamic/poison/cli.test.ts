import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';

const FIXTURES = fileURLToPath(new URL('../../fixtures/dynamic/poison/', import.meta.url));
const CONFIG = 'pipeline:\n  run: python3 job.py {input} {output}\n  sample: orders.csv\n  schema: orders.schema.json\n  timeout: 20s\n';

describe('pipewarden poison (built CLI)', () => {
  let project: string;

  beforeAll(() => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-poison-cli-'));
    for (const file of ['orders.csv', 'orders.schema.json']) fs.copyFileSync(path.join(FIXTURES, file), path.join(project, file));
    fs.writeFileSync(path.join(project, 'pipewarden.yml'), CONFIG);
  });

  afterAll(() => {
    fs.rmSync(project, { recursive: true, force: true });
  });

  const poison = (...args: string[]) => runCli(['poison', project, '--attacks', 'formula,duplicate', '--rates', '1,10', ...args]);

  it('stores the score in the history and shows the previous one and the change on the next run', async () => {
    fs.copyFileSync(path.join(FIXTURES, 'naive.py'), path.join(project, 'job.py'));
    const first = await poison('--format', 'json');
    expect(first.code, first.stderr).toBe(1);
    const before = JSON.parse(first.stdout) as { score: number; history: { previousScore?: number; delta?: number }; findings: Array<{ ruleId: string; severity: string }> };
    expect(before.score).toBe(0);
    expect(before.history.previousScore).toBeUndefined();
    expect(before.findings.map((f) => `${f.ruleId}:${f.severity}`)).toEqual(['dyn.poison-propagated:high', 'dyn.poison-propagated:low']);

    // The job gets validation: same command, so the same pipeline in the history.
    fs.copyFileSync(path.join(FIXTURES, 'rejecting.py'), path.join(project, 'job.py'));
    const second = await poison();
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/^formula\s+comment\s+rejected\s+rejected 4\/4$/m);
    expect(second.stdout).toMatch(/Resistance score: 100\.0 \/ 100 \(previous 0\.0 on \d{4}-\d\d-\d\d \d\d:\d\d, \+100\.0\)/);
    expect(fs.existsSync(path.join(project, '.pipewarden', 'history.db'))).toBe(true);

    // A run with other rates is still compared, but says the set-ups differ.
    const third = await runCli(['poison', project, '--attacks', 'formula,duplicate', '--rates', '10']);
    expect(third.stdout).toMatch(/\(previous 100\.0 on [^,]+, ±0\.0; that run used another seed, other rates or other attacks\)/);
  });

  it('writes SARIF with the CWE of each attack, and exits 1 only at or above --fail-on', async () => {
    fs.copyFileSync(path.join(FIXTURES, 'naive.py'), path.join(project, 'job.py'));
    const out = path.join(project, 'poison.sarif');
    const run = await poison('--format', 'sarif', '--output', out, '--no-history', '--fail-on', 'critical');
    expect(run.code, run.stderr).toBe(0);
    const log = JSON.parse(fs.readFileSync(out, 'utf8')) as { runs: Array<{ results: Array<{ ruleId: string; level: string }>; invocations: Array<{ toolExecutionNotifications: Array<{ message: { text: string } }> }>; tool: { driver: { rules: Array<{ id: string; properties: { tags: string[] } }> } } }> };
    expect(log.runs[0]!.results.map((r) => [r.ruleId, r.level])).toEqual([
      ['dyn.poison-propagated', 'error'],
      ['dyn.poison-propagated', 'note'],
    ]);
    expect(log.runs[0]!.tool.driver.rules.map((r) => r.id)).toContain('dyn.poison-crashed');
    const notes = log.runs[0]!.invocations[0]!.toolExecutionNotifications.map((n) => n.message.text);
    expect(notes).toContain('Resistance score: 0.0 / 100');
  });

  it('exits 1 below --min-score even when no finding reaches --fail-on', async () => {
    fs.copyFileSync(path.join(FIXTURES, 'naive.py'), path.join(project, 'job.py'));
    const run = await runCli(['poison', project, '--attacks', 'duplicate', '--rates', '10', '--no-history', '--min-score', '50']);
    expect(run.code, run.stderr).toBe(1);
    expect(run.stdout).toContain('note: the score is below --min-score 50');
  });

  it.each([
    [['--rates', '0'], /--rates takes percentages between 0 and 100/],
    [['--rates', '1,ten'], /not "ten"/],
    [['--attacks', 'formula,nope'], /unknown attack "nope"/],
    [['--min-score', '120'], /--min-score takes a score from 0 to 100/],
  ])('rejects bad flags %j with exit 2', async (args, message) => {
    const run = await runCli(['poison', project, '--no-history', ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
  });
});
