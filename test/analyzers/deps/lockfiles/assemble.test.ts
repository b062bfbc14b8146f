import { describe, expect, it } from 'vitest';
import { assemble, type RawPackage } from '../../../../src/analyzers/deps/lockfiles/assemble.js';

const raw = (name: string, dependencies: string[] = [], extra: Partial<RawPackage> = {}): RawPackage => ({
  name,
  version: '1.0.0',
  dependencies,
  hashes: [],
  ...extra,
});
const rootsOf = (packages: RawPackage[]) => assemble('npm', 'test', packages).roots;

describe('assemble: derived roots', () => {
  it('takes the packages nothing depends on, in lock order', () => {
    expect(rootsOf([raw('c'), raw('b', ['c']), raw('a', ['c'])])).toEqual(['b', 'a']);
  });

  it('gives a cycle nothing else depends on one root: the member first walked into', () => {
    expect(rootsOf([raw('a', ['b']), raw('b', ['a'])])).toEqual(['a']);
    // sphinx ↔ sphinxcontrib: alabaster (a leaf of sphinx) must not become a root.
    expect(rootsOf([raw('alabaster'), raw('sphinx', ['alabaster', 'sphinxcontrib']), raw('sphinxcontrib', ['sphinx'])])).toEqual(['sphinx']);
  });

  it('does not root a cycle that something outside it depends on', () => {
    // x → c1 ↔ c2, with the cycle listed first.
    expect(rootsOf([raw('c1', ['c2']), raw('c2', ['c1']), raw('x', ['c1'])])).toEqual(['x']);
    // A chain of cycles: only the top one is a root.
    expect(rootsOf([raw('a1', ['a2']), raw('a2', ['a1']), raw('b1', ['b2', 'a1']), raw('b2', ['b1'])])).toEqual(['b1']);
  });

  it('handles a long chain without recursion', () => {
    const n = 100_000;
    const chain = Array.from({ length: n }, (_, i) => raw(`p${i}`, i + 1 < n ? [`p${i + 1}`] : []));
    expect(rootsOf(chain)).toEqual(['p0']);
    const ring = Array.from({ length: n }, (_, i) => raw(`p${i}`, [`p${(i + 1) % n}`]));
    expect(rootsOf(ring)).toEqual(['p0']);
  });
});

describe('assemble: edges and duplicates', () => {
  it('drops edges to packages the lock does not hold and to the package itself', () => {
    const lock = assemble('PyPI', 'test', [raw('a', ['a', 'missing', 'b', 'b']), raw('b')]);
    expect(lock.packages[0]!.dependencies).toEqual(['b']);
  });

  it('merges one name@version, uniting edges and hashes; dev only if every copy is', () => {
    const lock = assemble('npm', 'test', [
      raw('a', ['b'], { dev: true, hashes: ['h1'], line: 3 }),
      raw('b'),
      raw('c'),
      raw('a', ['c'], { dev: false, hashes: ['h1', 'h2'], line: 9, source: { kind: 'path', path: 'x' } }),
    ]);
    expect(lock.packages[0]).toEqual({
      name: 'a',
      version: '1.0.0',
      dependencies: ['b', 'c'],
      direct: true,
      dev: false,
      hashes: ['h1', 'h2'],
      source: { kind: 'path', path: 'x' },
      line: 3,
    });
  });

  it('keeps different versions apart', () => {
    const lock = assemble('npm', 'test', [raw('a'), raw('a', [], { version: '2.0.0' })]);
    expect(lock.packages.map((p) => p.version)).toEqual(['1.0.0', '2.0.0']);
  });
});

describe('assemble: declared roots and dev', () => {
  const packages = [raw('app-lib', ['shared']), raw('test-lib', ['shared', 'only-test']), raw('shared'), raw('only-test'), raw('orphan')];

  it('uses the declared roots that the lock holds', () => {
    const lock = assemble('npm', 'test', packages, { prod: ['app-lib', 'not-locked'], dev: ['test-lib'] });
    expect(lock.roots).toEqual(['app-lib', 'test-lib']);
  });

  it('settles unknown dev flags by reachability from production roots', () => {
    const lock = assemble('npm', 'test', packages, { prod: ['app-lib'], dev: ['test-lib'] });
    expect(Object.fromEntries(lock.packages.map((p) => [p.name, p.dev]))).toEqual({
      'app-lib': false,
      'test-lib': true,
      shared: false,
      'only-test': true,
      orphan: true,
    });
  });

  it('keeps a flag the format gave', () => {
    const lock = assemble('npm', 'test', [raw('a', [], { dev: true })], { prod: ['a'], dev: [] });
    expect(lock.packages[0]!.dev).toBe(true);
  });

  it('marks nothing dev when the format is silent and names no roots', () => {
    expect(assemble('npm', 'test', packages).packages.some((p) => p.dev)).toBe(false);
  });
});
