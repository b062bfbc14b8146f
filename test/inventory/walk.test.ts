import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { walk } from '../../src/inventory/walk.js';
import { removeTree, tempTree } from '../helpers/temp-tree.js';

const options = { maxFileSize: 1024, exclude: [] };
let roots: string[] = [];
const tree = (files: Record<string, string>) => {
  const root = tempTree(files);
  roots.push(root);
  return root;
};
afterEach(() => {
  roots.forEach(removeTree);
  roots = [];
});

describe('walk', () => {
  it('lists files relative to the root with their kinds, sorted', () => {
    const root = tree({ 'jobs/b.py': 'x = 1\n', 'jobs/a.py': 'y = 2\n', 'data/in.csv': 'a,b\n' });
    const { files } = walk(root, options);
    expect(files.map((f) => [f.path, f.kind])).toEqual([
      ['data/in.csv', 'data'],
      ['jobs/a.py', 'python'],
      ['jobs/b.py', 'python'],
    ]);
  });

  it('skips tooling directories by default', () => {
    const root = tree({ 'node_modules/x/index.js': '', '.venv/lib/site.py': '', '.git/config': '', '__pycache__/a.py': '', 'job.py': '' });
    expect(walk(root, options).files.map((f) => f.path)).toEqual(['job.py']);
  });

  it('respects .gitignore (nested too) and .pipewardenignore', () => {
    const root = tree({
      '.gitignore': 'build/\n*.tmp.py\n',
      '.pipewardenignore': 'vendored/**\n!vendored/keep.py\n',
      'build/out.py': '',
      'scratch.tmp.py': '',
      'vendored/lib.py': '',
      'jobs/.gitignore': 'local_*.py\n',
      'jobs/local_test.py': '',
      'jobs/clean.py': '',
      'local_root.py': '',
    });
    expect(walk(root, options).files.map((f) => f.path)).toEqual(['.gitignore', '.pipewardenignore', 'jobs/.gitignore', 'jobs/clean.py', 'local_root.py']);
  });

  it('applies extra exclude patterns', () => {
    const root = tree({ 'jobs/clean.py': '', 'tests/test_clean.py': '' });
    expect(walk(root, { ...options, exclude: ['tests/'] }).files.map((f) => f.path)).toEqual(['jobs/clean.py']);
  });

  it('skips files over the size limit and says why', () => {
    const root = tree({ 'big.py': 'x'.repeat(2048), 'small.py': 'x = 1\n' });
    const { files, skipped } = walk(root, options);
    expect(files.map((f) => f.path)).toEqual(['small.py']);
    expect(skipped).toEqual([{ file: 'big.py', kind: 'too-large', reason: expect.stringMatching(/larger than the size limit \(2\.0 KB > 1\.0 KB\)/) }]);
  });

  it('never follows a symlink out of the root, survives loops, and visits linked targets once', () => {
    const root = tree({ 'jobs/clean.py': 'x = 1\n' });
    fs.symlinkSync('/etc', path.join(root, 'etc-link'));
    fs.symlinkSync('loop-b', path.join(root, 'loop-a'));
    fs.symlinkSync('loop-a', path.join(root, 'loop-b'));
    fs.symlinkSync(path.join(root, 'jobs'), path.join(root, 'jobs-again'));
    fs.symlinkSync(root, path.join(root, 'jobs', 'up'));
    const { files, skipped } = walk(root, options);
    expect(files.map((f) => f.path)).toEqual(['jobs/clean.py']);
    const reasons = Object.fromEntries(skipped.map((s) => [s.file, s.reason]));
    expect(reasons['etc-link']).toMatch(/outside the scanned root/);
    expect(reasons['loop-a']).toMatch(/looping symlink/);
    expect(reasons['loop-b']).toMatch(/looping symlink/);
  });

  it('passes over pipes and other non-regular files', () => {
    const root = tree({ 'job.py': '' });
    // Node has no API for making a FIFO; coreutils has.
    execFileSync('mkfifo', [path.join(root, 'feed.py')]);
    const { files, skipped } = walk(root, options);
    expect(files.map((f) => f.path)).toEqual(['job.py']);
    expect(skipped).toEqual([{ file: 'feed.py', kind: 'not-regular', reason: expect.stringMatching(/not a regular file/) }]);
  });
});
