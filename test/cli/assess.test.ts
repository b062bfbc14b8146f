import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { removeTree, tempTree, writeFiles } from '../helpers/temp-tree.js';

const LOADER = 'import pickle\n\n\ndef load_lookup(path):\n    with open(path, "rb") as fh:\n        return pickle.load(fh)\n';
const SAFE = 'import json\n\n\ndef load_lookup(path):\n    with open(path) as fh:\n        return json.load(fh)\n';

let roots: string[] = [];
function pipeline(files: Record<string, string> = { 'jobs/lookup.py': LOADER, 'jobs/safe.py': SAFE }): string {
  const root = tempTree(files);
  roots.push(root);
  return root;
}
afterEach(() => {
  roots.forEach(removeTree);
  roots = [];
});

async function assessJson(root: string, ...args: string[]) {
  const res = await runCli(['assess', root, '--format', 'json', ...args]);
  return { ...res, report: JSON.parse(res.stdout) };
}

describe('pipewarden assess', () => {
  it('reports findings with location, snippet, CWE and remediation, and exits 1 at the default threshold', async () => {
    const root = pipeline();
    const res = await runCli(['assess', root]);
    expect(res.code).toBe(1);
    expect(res.stdout).toContain('py.deserialization.pickle');
    expect(res.stdout).toContain('jobs/lookup.py:6');
    expect(res.stdout).toContain('return pickle.load(fh)');
    expect(res.stdout).toContain('CWE-502');
    expect(res.stdout).not.toMatch(/\x1b\[/);
  });

  it('writes JSON in the Finding shape, relative paths and all', async () => {
    const root = pipeline();
    const { code, report } = await assessJson(root);
    expect(code).toBe(1);
    expect(report.findings).toHaveLength(1);
    const f = report.findings[0];
    expect(Object.keys(f).sort()).toEqual(
      ['category', 'confidence', 'cwe', 'fingerprint', 'location', 'message', 'remediation', 'ruleId', 'severity', 'title'].sort(),
    );
    expect(f.location).toMatchObject({ file: 'jobs/lookup.py', startLine: 6, snippet: 'return pickle.load(fh)' });
    expect(f.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });

  it('sets the exit code from --fail-on', async () => {
    const root = pipeline();
    expect((await runCli(['assess', root, '--fail-on', 'critical'])).code).toBe(0);
    expect((await runCli(['assess', root, '--fail-on', 'medium'])).code).toBe(1);
    expect((await runCli(['assess', root, '--fail-on', 'none'])).code).toBe(0);
    expect((await runCli(['assess', pipeline({ 'jobs/safe.py': SAFE })])).code).toBe(0);
  });

  it('runs only the chosen categories and says where dynamic findings come from', async () => {
    const root = pipeline();
    const skipped = await assessJson(root, '--skip', 'sast');
    expect(skipped.code).toBe(0);
    expect(skipped.report.findings).toEqual([]);
    const onlySast = await assessJson(root, '--only', 'sast,dynamic');
    expect(onlySast.report.findings).toHaveLength(1);
    expect(onlySast.report.notices.join('\n')).toMatch(/dynamic findings come from `pipewarden fuzz` and `pipewarden poison`/);
    expect(onlySast.report.notices.join('\n')).not.toMatch(/no analyzers are available/);
  });

  it('writes the report to --output', async () => {
    const root = pipeline();
    const out = path.join(root, 'reports', 'result.sarif');
    const res = await runCli(['assess', root, '--format', 'sarif', '--output', out]);
    expect(res.stdout).toBe('');
    const sarif = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('jobs/lookup.py');
  });

  it.each([
    [['assess', '--only', 'sats'], /unknown category "sats"/],
    [['assess', '--format', 'xml'], /argument 'xml' is invalid/],
    [['assess', '/nonexistent/pipeline'], /no such directory: \/nonexistent\/pipeline/],
    [['assess', '--jobs', 'zero'], /--jobs takes a whole number/],
    [['frobnicate'], /unknown command 'frobnicate'/],
  ])('exits 2 with one line for usage errors: %j', async (args, message) => {
    const res = await runCli(args, { cwd: pipeline() });
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(message);
    expect(res.stderr.trim().split('\n')).toHaveLength(1);
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });

  it('names the key and line of a bad config and exits 2', async () => {
    const root = pipeline();
    writeFiles(root, { 'pipewarden.yml': 'failOn: high\nmax_file_size: 10MB\n' });
    const res = await runCli(['assess', root]);
    expect(res.code).toBe(2);
    expect(res.stderr.trim()).toBe('pipewarden: pipewarden.yml:2:1: unknown key "max_file_size"');
  });

  it('uses the config file for defaults', async () => {
    const root = pipeline();
    writeFiles(root, { 'pipewarden.yml': 'failOn: critical\nformat: json\nexclude:\n  - jobs/lookup.py\n' });
    const res = await runCli(['assess', root]);
    expect(res.code).toBe(0);
    expect(JSON.parse(res.stdout).findings).toEqual([]);
  });

  it('turns an unreadable or undecodable file into a scan error and carries on', async () => {
    const root = pipeline();
    writeFiles(root, { 'jobs/latin.py': Buffer.from([0x78, 0x20, 0x3d, 0x20, 0x22, 0xe9, 0xff, 0x22, 0x0a]) as unknown as string });
    const { code, report } = await assessJson(root);
    expect(code).toBe(1);
    expect(report.findings).toHaveLength(1);
    expect(report.errors).toEqual([{ file: 'jobs/latin.py', message: expect.stringMatching(/not valid UTF-8/) }]);
  });

  it('stops a file that takes longer than --file-timeout and reports it', async () => {
    // Far more work than one second allows, next to a file that needs a few milliseconds.
    const big = Array.from({ length: 400_000 }, (_, i) => `value_${i} = pickle.loads(blob_${i})`).join('\n');
    const root = pipeline({ 'jobs/huge.py': `import pickle\n${big}\n`, 'jobs/lookup.py': LOADER });
    const { report } = await assessJson(root, '--file-timeout', '1', '--jobs', '2', '--no-cache', '--max-file-size', '100MB');
    expect(report.errors).toEqual([{ file: 'jobs/huge.py', message: expect.stringMatching(/analysis stopped after/) }]);
    expect(report.findings.map((f: { location: { file: string } }) => f.location.file)).toEqual(['jobs/lookup.py']);
  });
});

describe('suppressions', () => {
  it('counts inline-suppressed findings instead of dropping them', async () => {
    const root = pipeline({
      'jobs/lookup.py': LOADER.replace('pickle.load(fh)', 'pickle.load(fh)  # pipewarden: ignore[py.deserialization.pickle] we sign these artifacts'),
    });
    const { code, report } = await assessJson(root);
    expect(code).toBe(0);
    expect(report.findings).toEqual([]);
    expect(report.suppressed).toHaveLength(1);
    expect(report.suppressed[0].suppression).toEqual({ kind: 'inline', reason: 'we sign these artifacts' });
    const text = await runCli(['assess', root]);
    expect(text.stdout).toMatch(/1 suppressed/);
  });

  it("honours Bandit's # nosec unless --no-foreign-markers or the config turns other scanners' markers off", async () => {
    const root = pipeline({ 'jobs/lookup.py': LOADER.replace('pickle.load(fh)', 'pickle.load(fh)  # nosec B301') });
    const honoured = await assessJson(root);
    expect(honoured.report.suppressed.map((s: { suppression: unknown }) => s.suppression)).toEqual([{ kind: 'inline', reason: 'bandit: # nosec B301' }]);
    const flag = await assessJson(root, '--no-foreign-markers');
    expect(flag.code).toBe(1);
    expect(flag.report.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('py.deserialization.pickle');
    writeFiles(root, { 'pipewarden.yml': 'foreignMarkers: false\n' });
    const config = await assessJson(root);
    expect(config.report.suppressed).toEqual([]);
  });

  it('applies ignore-file entries until they expire', async () => {
    const root = pipeline();
    writeFiles(root, {
      '.pipewarden-ignore.yml': 'suppressions:\n  - rule: py.deserialization.pickle\n    path: jobs/**\n    reason: lookup tables are built by our own job\n',
    });
    const live = await assessJson(root);
    expect(live.code).toBe(0);
    expect(live.report.suppressed[0].suppression.kind).toBe('ignore-file');
    writeFiles(root, {
      '.pipewarden-ignore.yml': 'suppressions:\n  - rule: py.deserialization.pickle\n    reason: temporary\n    expires: 2020-01-01\n',
    });
    const expired = await assessJson(root);
    expect(expired.code).toBe(1);
    expect(expired.report.notices.join('\n')).toMatch(/expired on 2020-01-01/);
  });

  it('rejects a malformed ignore file with its line', async () => {
    const root = pipeline();
    writeFiles(root, { '.pipewarden-ignore.yml': 'suppressions:\n  - rule: py.deserialization.pickle\n    because: reasons\n' });
    const res = await runCli(['assess', root]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/\.pipewarden-ignore\.yml:3:5: unknown key "suppressions\.0\.because"/);
  });

  it('reports only new findings after a baseline, even when old ones move', async () => {
    const root = pipeline();
    const made = await runCli(['baseline', root]);
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/baseline of 1 findings written/);
    expect(fs.existsSync(path.join(root, '.pipewarden-baseline.json'))).toBe(true);

    writeFiles(root, { 'jobs/lookup.py': `"""Lookup tables."""\n\n\n${LOADER}`, 'jobs/new_job.py': 'import dill\nstate = dill.loads(payload)\n' });
    const { code, report } = await assessJson(root);
    expect(code).toBe(1);
    expect(report.findings.map((f: { location: { file: string } }) => f.location.file)).toEqual(['jobs/new_job.py']);
    expect(report.suppressed.map((s: { suppression: { kind: string } }) => s.suppression.kind)).toEqual(['baseline']);
    expect((await assessJson(root, '--no-baseline')).report.findings).toHaveLength(2);
  });
});

describe('history and cache', () => {
  it('records runs and says what is new and fixed since the previous run', async () => {
    const root = pipeline();
    const first = await runCli(['assess', root]);
    expect(first.stdout).toMatch(/first run of this target/i);
    writeFiles(root, { 'jobs/lookup.py': SAFE, 'jobs/new_job.py': 'import dill\nstate = dill.loads(payload)\n' });
    const second = await runCli(['assess', root]);
    expect(second.stdout).toMatch(/1 new, 1 fixed/);

    const listed = await runCli(['history', root, '--format', 'json']);
    expect(listed.code).toBe(0);
    const runs = JSON.parse(listed.stdout);
    expect(runs.map((r: { newCount: number; fixedCount: number }) => [r.newCount, r.fixedCount])).toEqual([
      [1, 1],
      [0, 0],
    ]);
    const text = await runCli(['history'], { cwd: root });
    expect(text.stdout).toMatch(/run\s+date\s+critical\s+high/);
    expect(text.stdout.trim().split('\n')).toHaveLength(5);
  });

  it('keeps history where --db says, or nowhere with --no-history', async () => {
    const root = pipeline();
    const db = path.join(root, 'elsewhere', 'runs.db');
    await runCli(['assess', root, '--db', db]);
    expect(fs.existsSync(db)).toBe(true);
    await runCli(['assess', root, '--no-history']);
    expect(fs.existsSync(path.join(root, '.pipewarden', 'history.db'))).toBe(false);
    const listed = await runCli(['history', '--db', db, '--format', 'json']);
    expect(JSON.parse(listed.stdout)).toHaveLength(1);
  });

  it('reuses cached results for unchanged files and re-analyses changed ones', async () => {
    const root = pipeline();
    const cold = await assessJson(root, '--no-history');
    expect(cold.report.stats.filesFromCache).toBe(0);
    const warm = await assessJson(root, '--no-history');
    expect(warm.report.stats.filesFromCache).toBe(2);
    expect(warm.report.findings).toEqual(cold.report.findings);
    writeFiles(root, { 'jobs/safe.py': LOADER });
    const changed = await assessJson(root, '--no-history');
    expect(changed.report.stats.filesFromCache).toBe(1);
    expect(changed.report.findings).toHaveLength(2);
    const off = await assessJson(root, '--no-history', '--no-cache');
    expect(off.report.stats.filesFromCache).toBe(0);
  });
});

describe('rules and explain', () => {
  it('lists every rule with id, category, severity, CWE and title', async () => {
    const res = await runCli(['rules']);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/py\.deserialization\.pickle\s+sast\s+high\s+CWE-502\s+Deserialization/);
  });

  it("prints a rule's docs", async () => {
    const res = await runCli(['explain', 'py.deserialization.pickle']);
    expect(res.code).toBe(0);
    for (const heading of ['What it does', 'Why it matters', 'How to fix it', 'Bad', 'Good', 'References']) expect(res.stdout).toContain(heading);
    expect(res.stdout).toContain('Bandit B301 (# nosec B301 suppresses it)');
  });

  it('rejects an unknown rule with exit 2', async () => {
    const res = await runCli(['explain', 'py.nope']);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/unknown rule "py\.nope"/);
  });
});
