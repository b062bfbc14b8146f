import { describe, expect, it } from 'vitest';
import { collectBindings } from '../../../src/analyzers/javascript/bindings.js';
import { parseScript, type Dialect } from '../../../src/analyzers/javascript/parser.js';
import { scan } from './scan.js';

/** For each `use(name)` in the script, in order: what the bindings visible there are. */
function visible(code: string, dialect: Dialect = 'javascript'): Array<string[] | undefined> {
  const root = parseScript(code, dialect).rootNode;
  const bindings = collectBindings(root);
  return root
    .descendantsOfType('call_expression')
    .filter((c) => c.childForFieldName('function')?.text === 'use')
    .map((c) => c.childForFieldName('arguments')!.namedChildren[0]!)
    .map((read) => bindings.visibleAt(read.text, read)?.map((b) => ('value' in b ? b.value.text : b.kind)));
}

describe('JavaScript bindings', () => {
  it('lets a parameter hide the module binding of its name, in every parameter form', () => {
    const code = [
      'const resolve = "a" + b;',
      'new Promise((resolve) => use(resolve));',
      'new Promise(resolve => use(resolve));',
      'function f({ resolve }, [x = 1], ...rest) { use(resolve); use(x); use(rest); }',
      'use(resolve);',
    ].join('\n');
    expect(visible(code)).toEqual([['param'], ['param'], ['param'], ['param'], ['param'], ['"a" + b']]);
    expect(visible('const a = "x" + y;\nfunction f(a: string, b?: number) { use(a); use(b); }\n', 'typescript')).toEqual([['param'], ['param']]);
  });

  it('keeps what one function binds out of its siblings', () => {
    expect(visible('function g(cb, o) { cb = "x" + o; use(cb); }\nfunction h(cb) { use(cb); }\nfunction k() { use(cb); }\n')).toEqual([
      ['param', '"x" + o'],
      ['param'],
      undefined,
    ]);
  });

  it('gives an assignment to the function that declares the name, or to the globals', () => {
    const code = [
      'let done;',
      'function start() { done = "ok" + x; implicit = "g" + y; }',
      'use(done);',
      'function later() { use(implicit); }',
      'try { run(); } catch (done) { use(done); }',
    ].join('\n');
    expect(visible(code)).toEqual([['declared', '"ok" + x'], ['"g" + y'], ['param']]);
  });

  it('binds for-of and for-in targets to what the loop runs over, declared or assigned', () => {
    const code = [
      'const file = "x" + y;',
      'function f(files) { for (const file of files) use(file); }',
      'let key;',
      'function g(o) { for (key in o) use(key); }',
    ].join('\n');
    expect(visible(code)).toEqual([['member'], ['declared', 'member']]);
    expect(scan("const fs = require('fs');\nfor (const arg of process.argv.slice(2)) fs.readFileSync(arg);\n", 'js.path-traversal.fs')).toMatchObject([{ message: expect.stringMatching(/from the command line/) }]);
  });

  it('no longer reports a callback passed to a timer because a sibling function builds a string of its name', () => {
    const code = ['function g(callback, options) { callback = "x" + options; }', 'function h(callback) { return setImmediate(callback); }'].join('\n');
    expect(scan(code, 'js.code-injection.eval')).toEqual([]);
    const closure = ['function outer(dir) {', '  const code = "run(" + dir + ")";', '  return () => eval(code);', '}'].join('\n');
    expect(scan(closure, 'js.code-injection.eval')).toMatchObject([{ confidence: 'high' }]);
  });

  it('keeps a let or const inside its block, and a var in its function', () => {
    const code = [
      'function f(req) {',
      '  const cmd = "ls";',
      '  if (req.ok) { const cmd = "x" + req.query.c; use(cmd); }',
      '  for (let i = 0, cmd = "y" + req.body; i < 1; i++) use(cmd);',
      '  switch (req.kind) { case 1: let cmd = "z" + req.kind; use(cmd); }',
      '  { var late = "v" + req.v; }',
      '  use(cmd);',
      '  use(late);',
      '}',
    ].join('\n');
    expect(visible(code)).toEqual([['"x" + req.query.c'], ['"y" + req.body'], ['"z" + req.kind'], ['"ls"'], ['"v" + req.v']]);
    const shadowed = ["const { exec } = require('child_process');", 'function run() {', '  let cmd = "ls -l";', '  if (process.argv[2]) { const cmd = process.argv[2]; console.log(cmd); }', '  exec(cmd);', '}'].join('\n');
    expect(scan(shadowed, 'js.command-injection.exec')).toEqual([]);
    expect(scan(shadowed.replace('const cmd = process', 'cmd = process'), 'js.command-injection.exec')).toHaveLength(1);
  });
});
