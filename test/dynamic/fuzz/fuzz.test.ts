import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fuzzPipeline } from '../../../src/dynamic/fuzz/engine.js';
import { fuzzAssessment } from '../../../src/dynamic/fuzz/findings.js';
import { runSandboxed } from '../../../src/dynamic/sandbox/index.js';
import { crashRule } from '../../../src/dynamic/rules/crash.js';
import { payloadPropagatedRule } from '../../../src/dynamic/rules/payload-propagated.js';
import { EXAMPLE_SAMPLE } from '../../../src/dynamic/rules/dynamic-rule.js';
import { removeTree, tempTree } from '../../helpers/temp-tree.js';
import { PIPELINES, PYTHON } from '../sandbox/helpers.js';
import { testPipeline } from './helpers.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) removeTree(root);
});

function project(files: Record<string, string | Buffer>): string {
  const root = tempTree(files);
  roots.push(root);
  return root;
}

const fixture = (rel: string): Buffer => fs.readFileSync(path.join(PIPELINES, rel));

describe('fuzzPipeline on Node pipelines reading JSONL', () => {
  const files = () => ({ 'clean.js': fixture('node/clean_fragile.js'), 'robust.js': fixture('node/clean_robust.js'), 'sample.jsonl': fixture('node/sample.jsonl') });
  const options = { seed: 3, maxExecs: 30, timeMs: 120_000, families: ['type-confusion', 'json-structure', 'empty-null'] as const };

  it('finds the crash, names the exception class, and minimises it to one record', async () => {
    const root = project(files());
    const result = await fuzzPipeline(testPipeline(root, 'node clean.js {input} {output}', 'sample.jsonl'), { ...options, families: [...options.families] });
    const crashes = result.failures.filter((f) => f.verdict.ruleId === 'dyn.crash');
    expect(crashes.map((f) => f.verdict.detail)).toContain('TypeError');
    for (const crash of crashes) expect(crash.probe.keep.length).toBeLessThanOrEqual(1);
  });

  it('reports nothing for the pipeline that rejects bad records with a logged reason', async () => {
    const root = project(files());
    const result = await fuzzPipeline(testPipeline(root, 'node robust.js {input} {output}', 'sample.jsonl'), { ...options, families: [...options.families] });
    expect(result.execs).toBeGreaterThanOrEqual(10);
    expect(result.failures.map((f) => `${f.verdict.ruleId}: ${f.mutation.id}`)).toEqual([]);
  });
});

describe('fuzzPipeline with the pickle canary', () => {
  const files = () => ({ 'load_model.py': fixture('pickle/load_model.py'), 'size_only.py': fixture('pickle/size_only.py'), 'model.pkl': fixture('pickle/sample.pkl') });

  it('proves code execution when the pipeline unpickles its input', async () => {
    const root = project(files());
    const result = await fuzzPipeline(testPipeline(root, `${PYTHON} load_model.py {input} {output}`, 'model.pkl'), { seed: 1, maxExecs: 5, timeMs: 60_000 });
    const hit = result.failures.find((f) => f.verdict.ruleId === 'dyn.code-execution');
    expect(hit?.mutation.family).toBe('pickle-canary');
    expect(hit?.run.filesCreated).toContain('.home/pwmark-pickle');
  });

  it('stays quiet when the pipeline never unpickles it', async () => {
    const root = project(files());
    const result = await fuzzPipeline(testPipeline(root, `${PYTHON} size_only.py {input} {output}`, 'model.pkl'), { seed: 1, maxExecs: 5, timeMs: 60_000 });
    expect(result.execs).toBe(1);
    expect(result.failures).toEqual([]);
  });
});

describe('minimisation, repro files and determinism', () => {
  const crashing = () => project({ 'jobs/clean.py': crashRule.bad[0]!.code, 'data/sample.csv': EXAMPLE_SAMPLE });

  it('shrinks the crashing value to its smallest failing form and saves a repro that fails the same way', async () => {
    const root = crashing();
    const pipeline = testPipeline(root, `${PYTHON} jobs/clean.py {input} {output}`, 'data/sample.csv');
    const result = await fuzzPipeline(pipeline, { seed: 1, maxExecs: 3, timeMs: 120_000, families: ['type-confusion'] });
    const crash = result.failures.find((f) => f.verdict.ruleId === 'dyn.crash' && f.probe.change?.field === 'amount');
    expect(crash?.probe.keep).toHaveLength(1);
    expect(crash!.probe.change!.value.length).toBe(1);
    const assessment = fuzzAssessment(pipeline, result, new Date().toISOString());
    const finding = assessment.findings.find((f) => f.ruleId === 'dyn.crash' && f.message.includes('"amount"'))!;
    expect(finding.cwe).toEqual(expect.arrayContaining(['CWE-20', 'CWE-248']));
    expect(finding.location.file).toMatch(/^\.pipewarden\/repro\/dyn\.crash-/);
    const repro = fs.readFileSync(path.join(root, finding.location.file), 'utf8');
    expect(repro.split('\n').filter(Boolean)).toHaveLength(2);
    const command = /Reproduce: (.*)$/.exec(finding.message)![1]!;
    expect(command).toContain(finding.location.file);
    const rerun = await runSandboxed({ command: command.replace(/\.pipewarden\/repro\/out\.csv/, '{output}'), cwd: root, timeoutMs: 10_000, memoryBytes: 256 * 1024 ** 2, maxProcesses: 16 });
    expect(rerun.exitCode).toBe(1);
    expect(rerun.stderrTail).toContain('ValueError');
  });

  it('gives the same failures for the same seed', async () => {
    const root = crashing();
    const pipeline = testPipeline(root, `${PYTHON} jobs/clean.py {input} {output}`, 'data/sample.csv');
    const summary = async (seed: number) => {
      const result = await fuzzPipeline(pipeline, { seed, maxExecs: 24, timeMs: 120_000, families: ['type-confusion', 'empty-null'], minimiseBudget: 2 });
      return result.failures.map((f) => `${f.verdict.ruleId}|${f.mutation.id}|${f.probe.change?.line}|${f.probe.change?.value}`).sort();
    };
    const first = await summary(9);
    expect(first.length).toBeGreaterThan(0);
    expect(await summary(9)).toEqual(first);
  });
});

describe('schema-derived mutations', () => {
  it('sends values outside the schema and sees one pass to the output', async () => {
    const schema = { type: 'object', properties: { name: { type: 'string', enum: ['alice', 'bob', 'carol'] }, comment: { type: 'string', maxLength: 40 } } };
    const root = project({ 'jobs/clean.py': payloadPropagatedRule.bad[0]!.code, 'data/sample.csv': EXAMPLE_SAMPLE, 'schema.json': JSON.stringify(schema) });
    const pipeline = testPipeline(root, `${PYTHON} jobs/clean.py {input} {output}`, 'data/sample.csv', { schema: path.join(root, 'schema.json') });
    const result = await fuzzPipeline(pipeline, { seed: 1, maxExecs: 10, timeMs: 60_000, families: ['schema-violation'], minimiseBudget: 1 });
    const ids = result.failures.filter((f) => f.verdict.ruleId === 'dyn.payload-propagated').map((f) => f.mutation.id);
    expect(ids).toEqual(expect.arrayContaining(['schema-violation/not-in-enum@name', 'schema-violation/over-max-length@comment']));
  });
});

describe('archives', () => {
  const reader = (limit: string) =>
    `import csv, gzip, io, sys\nwith gzip.open(sys.argv[1], "rb") as f:\n    data = f.read(${limit})\n` +
    (limit ? '    if f.read(1):\n        print("rejected: archive inflates past the limit", file=sys.stderr)\n        data = b""\n' : '') +
    'rows = list(csv.reader(io.StringIO(data.decode("utf8", "replace"))))\nopen(sys.argv[2], "w").write("n\\n%d\\n" % len(rows))\n';

  it('sends a compression bomb where the sample is gzip and sees the unbounded reader blow up', async () => {
    const { gzipSync } = await import('node:zlib');
    const root = project({ 'read_all.py': reader(''), 'read_bounded.py': reader('10_000_000'), 'data.csv.gz': gzipSync(EXAMPLE_SAMPLE) });
    const run = (script: string) => fuzzPipeline(testPipeline(root, `${PYTHON} ${script} {input} {output}`, 'data.csv.gz'), { seed: 1, maxExecs: 5, timeMs: 120_000, families: ['compression-bomb'] });
    const unbounded = await run('read_all.py');
    expect(unbounded.failures.map((f) => f.verdict.ruleId)).toContain('dyn.memory-spike');
    const bounded = await run('read_bounded.py');
    expect(bounded.execs).toBe(1);
    expect(bounded.failures.map((f) => f.verdict)).toEqual([]);
  });
});

describe('directory samples', () => {
  it('fuzzes the records file and puts the pickle canary in place of the model beside it', async () => {
    const dir = path.join(PIPELINES, 'directory');
    const root = project({
      'score.py': fs.readFileSync(path.join(dir, 'score.py')),
      'data/records.csv': fs.readFileSync(path.join(dir, 'data/records.csv')),
      'data/model.pkl': fs.readFileSync(path.join(dir, 'data/model.pkl')),
    });
    const pipeline = testPipeline(root, `${PYTHON} score.py {input} {output}`, 'data');
    expect(pipeline.format).toBe('dir');
    const result = await fuzzPipeline(pipeline, { seed: 1, maxExecs: 6, timeMs: 120_000, families: ['pickle-canary', 'csv-structure'] });
    const canary = result.failures.find((f) => f.verdict.ruleId === 'dyn.code-execution');
    expect(canary?.mutation.description).toContain('in place of model.pkl');
    expect(result.baseline.output[0]!.bytes.toString()).toBe('id,score\n1,0.5\n2,0.5\n');
  });
});

describe('rows duplicated', () => {
  it('reports a run that silently writes a record twice', async () => {
    const code = `import csv, sys\nrows = list(csv.DictReader(open(sys.argv[1], newline="")))\nout = []\nfor r in rows:\n    out.append(r)\n    if not r["amount"]:\n        out.append(r)\nw = csv.DictWriter(open(sys.argv[2], "w", newline=""), fieldnames=list(rows[0]))\nw.writeheader()\nw.writerows(out)\n`;
    const root = project({ 'dup.py': code, 'data/sample.csv': 'id,name,amount\n1,a,1\n2,b,2\n3,c,3\n' });
    const result = await fuzzPipeline(testPipeline(root, `${PYTHON} dup.py {input} {output}`, 'data/sample.csv'), { seed: 1, maxExecs: 20, timeMs: 120_000, families: ['empty-null'], minimiseBudget: 2 });
    const dup = result.failures.find((f) => f.verdict.ruleId === 'dyn.rows-lost');
    expect(dup?.verdict.detail).toBe('duplicated');
    expect(dup?.probe.change).toMatchObject({ field: 'amount', value: '' });
  });
});
