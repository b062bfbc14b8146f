import { describe, expect, it } from 'vitest';
import { javascriptAnalyzer } from '../../../src/analyzers/javascript/index.js';
import { dialectOf } from '../../../src/analyzers/javascript/parser.js';
import { MAX_NATIVE_SYNTAX_NODES } from '../../../src/core/syntax-node-limit.js';
import { analyzeScriptText, scan } from './scan.js';

describe('javascript analyzer', () => {
  it('takes JavaScript and TypeScript files, picking the grammar by extension', () => {
    const entry = { path: 'a.js', absPath: '/r/a.js', size: 1 };
    expect(javascriptAnalyzer.required({ ...entry, kind: 'javascript' })).toBe(true);
    expect(javascriptAnalyzer.required({ ...entry, kind: 'sql' })).toBe(false);
    const declarations = ['types/index.d.ts', 'lib/node.d.mts', 'lib/node.D.CTS'];
    expect(declarations.map((p) => javascriptAnalyzer.required({ ...entry, path: p, kind: 'javascript' }))).toEqual([false, false, false]);
    expect(javascriptAnalyzer.required({ ...entry, path: 'src/d.ts', kind: 'javascript' })).toBe(true);
    expect(['a.js', 'a.mjs', 'a.cjs', 'a.jsx', 'a.ts', 'a.MTS', 'a.cts', 'a.tsx', 'bin/run'].map(dialectOf)).toEqual([
      'javascript', 'javascript', 'javascript', 'javascript', 'typescript', 'typescript', 'typescript', 'tsx', 'javascript',
    ]);
  });

  it('refuses a script with more syntax nodes than one analysis holds, and says so', () => {
    const result = analyzeScriptText(`eval(input);\nmodule.exports = [${'1,'.repeat(MAX_NATIVE_SYNTAX_NODES / 2)}];\n`);
    expect(result.findings).toEqual([]);
    expect(result.errors.map((e) => e.message)).toEqual([
      'the file has 5,000,020 syntax nodes, more than the 5,000,000 one analysis holds in memory (usually generated code or data), so its code was not analysed',
    ]);
  });

  it('locates findings on the call, 1-based, with the line as snippet', () => {
    const [finding] = scan("const cp = require('child_process');\n\n  cp.exec(\n    'ls ' + dir,\n  );\n");
    expect(finding?.location).toMatchObject({ file: 'job.js', startLine: 3, startColumn: 3, endLine: 5, endColumn: 4, snippet: 'cp.exec(' });
  });

  it('analyses a file with a syntax error and says where', () => {
    const result = analyzeScriptText("const cp = require('child_process');\nfunction (\ncp.exec(`rm ${x}`);\n");
    expect(result.errors.map((e) => e.message)).toEqual([expect.stringMatching(/^JavaScript syntax error near line \d/)]);
    expect(result.errors[0]!.analyzer).toBe('javascript');
  });

  it('parses TypeScript-only syntax in .ts without errors that the JavaScript grammar would raise', () => {
    const code = 'const x = <string>y;\nlet z: Array<number> = [];\n';
    expect(analyzeScriptText(code, 'a.ts').errors).toEqual([]);
    expect(analyzeScriptText('const el = <div a={1}>{x}</div>;\n', 'a.tsx').errors).toEqual([]);
  });

  it('reads type-only star re-exports (TypeScript 5.0), which its grammar predates, as the valid code they are', () => {
    const code = [
      "export type * from './types.js';",
      'export type * as Shapes from "./shapes";',
      "import { exec } from 'node:child_process';",
      'exec(`tar -xf ${process.argv[2]}`);',
      "const note = 'export type * from nowhere';",
    ].join('\n');
    const result = analyzeScriptText(code, 'src/index.ts');
    expect(result.errors).toEqual([]);
    expect(result.findings.map((f) => [f.ruleId, f.location.startLine])).toEqual([['js.command-injection.exec', 4]]);
    // JavaScript has no such statement: there it stays the syntax error it is.
    expect(analyzeScriptText(code, 'src/index.js').errors).not.toEqual([]);
  });

  it('survives hostile input without crashing or taking long', () => {
    const started = performance.now();
    const inputs = [
      `const cp = require('child_process');\nlet c = ${'('.repeat(20_000)}x${')'.repeat(20_000)};\ncp.exec(c);`,
      `const cp = require('child_process');\ncp.exec(${"'a' + ".repeat(20_000)}x);`,
      `const cp = require('child_process');\ncp.exec(${'f('.repeat(20_000)}${')'.repeat(20_000)});`,
      `const fs = require('fs');\nfs.readFileSync(a${'.b'.repeat(50_000)});`,
      `${Array.from({ length: 5_000 }, (_, i) => `const v${i} = v${i + 1} + 'x';`).join('\n')}\nrequire('child_process').exec(v0);`,
      `let a = b;\nlet b = a;\n${'a = a + a;\n'.repeat(1_000)}eval(a);`,
      `x = ${'['.repeat(30_000)}${']'.repeat(30_000)};`,
      `eval(\`${'${'.repeat(5_000)}${'}'.repeat(5_000)}\`);`,
      `${'{'.repeat(50_000)}`,
      `const s = '${'x'.repeat(2_000_000)}';\neval(s + y);`,
      '\u0000\uffff\ud800 eval(x)',
    ];
    for (const code of inputs) {
      const result = analyzeScriptText(code);
      expect(result.errors.filter((e) => e.message.startsWith('analyzer failed'))).toEqual([]);
    }
    expect(performance.now() - started).toBeLessThan(20_000);
  });
});
