import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CLI, runCli } from '../../helpers/cli.js';
import { removeTree, tempTree } from '../../helpers/temp-tree.js';
import { PIPELINES } from '../sandbox/helpers.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) removeTree(root);
});

function nodeProject(script: string): string {
  const dir = path.join(PIPELINES, 'node');
  const root = tempTree({
    'jobs/clean.js': fs.readFileSync(path.join(dir, script)),
    'data/sample.jsonl': fs.readFileSync(path.join(dir, 'sample.jsonl')),
    'pipewarden.yml': 'pipeline:\n  run: node jobs/clean.js {input} {output}\n  sample: data/sample.jsonl\n  timeout: 10s\n  memory: 256MB\n',
  });
  roots.push(root);
  return root;
}

describe('pipewarden fuzz', () => {
  it('reports failures as SARIF with CWE tags, saves repros, and exits 1', async () => {
    const root = nodeProject('clean_fragile.js');
    const result = await runCli(['fuzz', root, '--max-execs', '12', '--seed', '2', '--format', 'sarif', '--output', path.join(root, 'fuzz.sarif')]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const sarif = JSON.parse(fs.readFileSync(path.join(root, 'fuzz.sarif'), 'utf8'));
    const results = sarif.runs[0].results as Array<{ ruleId: string; message: { text: string } }>;
    expect(results.map((r) => r.ruleId)).toContain('dyn.crash');
    const crashRule = sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'dyn.crash');
    expect(crashRule.properties.tags).toEqual(expect.arrayContaining(['CWE-248']));
    expect(fs.readdirSync(path.join(root, '.pipewarden', 'repro')).length).toBeGreaterThan(0);
    expect(results.find((r) => r.ruleId === 'dyn.crash')!.message.text).toMatch(/Reproduce: node jobs\/clean\.js \.pipewarden\/repro\//);
  });

  it('exits 0 with no findings for a pipeline that survives the same campaign', async () => {
    const root = nodeProject('clean_robust.js');
    const result = await runCli(['fuzz', root, '--max-execs', '12', '--seed', '2', '--format', 'json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.findings).toEqual([]);
  });

  it('takes the pipeline from flags, and exits 2 when the command lacks {input}', async () => {
    const root = nodeProject('clean_robust.js');
    const result = await runCli(['fuzz', root, '--run', 'node jobs/clean.js data/sample.jsonl {output}']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/must contain \{input\}/);
  });

  it('exits 2 with the reason when the pipeline fails on its own clean sample', async () => {
    const root = nodeProject('clean_robust.js');
    const result = await runCli(['fuzz', root, '--run', 'node -e "process.exit(3)" {input} {output}']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/fails on its own clean sample/);
  });

  it('explains a dynamic rule', async () => {
    const result = await runCli(['explain', 'dyn.code-execution']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('CWE-502');
  });
});

describe('pipewarden fuzz interrupted', () => {
  it('kills the runs and removes their directories on Ctrl-C', async () => {
    const token = `interrupt-${process.pid}-${Date.now()}`;
    const root = tempTree({ 'data/sample.csv': `id\n${token}\n` });
    roots.push(root);
    const child = spawn(process.execPath, [CLI, 'fuzz', root, '--run', `sleep 51.4159; cp {input} {output}`, '--sample', 'data/sample.csv', '--timeout', '60s'], { stdio: ['ignore', 'ignore', 'pipe'] });
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    let stderr = '';
    child.stderr!.setEncoding('utf8').on('data', (text: string) => {
      stderr = (stderr + text).slice(-4000);
    });
    const holdsToken = (): string[] =>
      fs
        .readdirSync(os.tmpdir())
        .filter((d) => d.startsWith('pipewarden-sandbox-'))
        .filter((d) => {
          try {
            return fs.readFileSync(path.join(os.tmpdir(), d, 'work', 'input', 'sample.csv'), 'utf8').includes(token);
          } catch {
            return false;
          }
        });
    for (let i = 0; i < 150 && holdsToken().length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    const started = holdsToken();
    child.kill('SIGINT');
    const code = await closed;
    expect(started, `no sandboxed run started; the fuzzer's stderr: ${stderr}`).toHaveLength(1);
    expect(code).toBe(130);
    expect(holdsToken()).toEqual([]);
    expect(execFileSync('ps', ['-eo', 'args='], { encoding: 'utf8' })).not.toContain('sleep 51.4159');
  });
});
