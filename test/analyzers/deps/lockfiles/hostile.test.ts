import { describe, expect, it } from 'vitest';
import { LockfileError } from '../../../../src/analyzers/deps/lockfiles/errors.js';
import { parseLockfile } from '../../../../src/analyzers/deps/lockfiles/index.js';
import { leftOut, pkg } from './helpers.js';

/**
 * The refusal of a hostile lockfile: the LockfileError for the whole file, or — when the hostile
 * part is inside one package entry — that entry left out. Fails the test on anything else.
 */
function rejected(fileName: string, text: string): { message: string } {
  let lock;
  try {
    lock = parseLockfile(fileName, text, fileName);
  } catch (err) {
    expect(err).toBeInstanceOf(LockfileError);
    return err as LockfileError;
  }
  return leftOut(lock!);
}

function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

const ALIAS_BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
  'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
  'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
  'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
  'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
  'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]',
  'h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]',
  'i: [*h,*h,*h,*h,*h,*h,*h,*h,*h]',
].join('\n');

describe('hostile lockfiles', () => {
  it('refuses a YAML alias bomb quickly (pnpm and yarn berry)', () => {
    const pnpm = timed(() => rejected('pnpm-lock.yaml', `lockfileVersion: '9.0'\n${ALIAS_BOMB}\n`));
    expect(pnpm.value.message).toMatch(/alias/i);
    expect(pnpm.ms).toBeLessThan(1000);
    const berry = timed(() => rejected('yarn.lock', `__metadata:\n  version: 8\n${ALIAS_BOMB}\n`));
    expect(berry.value.message).toMatch(/alias/i);
    expect(berry.ms).toBeLessThan(1000);
  });

  it('refuses deep nesting in every syntax without overflowing the stack', () => {
    const depth = 200_000;
    rejected('package-lock.json', `{"lockfileVersion":3,"packages":{"node_modules/a":{"dependencies":${'{"b":'.repeat(depth)}1${'}'.repeat(depth)}}}}`);
    rejected('Pipfile.lock', `{"default":{"a":{"hashes":${'['.repeat(depth)}${']'.repeat(depth)}}}}`);
    rejected('poetry.lock', `[[package]]\nname = "a"\nversion = ${'['.repeat(depth)}${']'.repeat(depth)}\n`);
    rejected('uv.lock', `[[package]]\nname = "a"\nsource = ${'{ a = '.repeat(depth)}1${' }'.repeat(depth)}\n`);
    rejected('pnpm-lock.yaml', `lockfileVersion: '9.0'\npackages: ${'['.repeat(depth)}${']'.repeat(depth)}\n`);
    rejected('yarn.lock', `__metadata:\n  version: 8\n"a@npm:1": ${'{a: '.repeat(depth)}1${'}'.repeat(depth)}\n`);
    rejected('yarn.lock', `a@^1:\n${Array.from({ length: 1000 }, (_, i) => `${' '.repeat(2 * (i + 1))}k:`).join('\n')}\n`);
  });

  it('reads deeply nested JSON it does not need without trouble', () => {
    const depth = 200_000;
    const lock = parseLockfile(
      'package-lock.json',
      `{"lockfileVersion":3,"packages":{"":{"x":${'['.repeat(depth)}${']'.repeat(depth)}},"node_modules/a":{"version":"1.0.0"}}}`,
      'package-lock.json',
    );
    expect(lock?.packages).toHaveLength(1);
  });

  it('refuses a TOML document with a very long dotted table header', () => {
    const header = Array.from({ length: 50_000 }, () => 'a').join('.');
    const { ms } = timed(() => {
      try {
        parseLockfile('pdm.lock', `[${header}]\nx = 1\n`, 'pdm.lock');
      } catch (err) {
        expect(err).toBeInstanceOf(LockfileError);
      }
    });
    expect(ms).toBeLessThan(5000);
  });

  it('parses a large package-lock.json in linear time', () => {
    const n = 50_000;
    const packages: Record<string, unknown> = { '': { dependencies: { p0: '^1' } } };
    for (let i = 0; i < n; i++) {
      packages[`node_modules/p${i}`] = {
        version: '1.0.0',
        resolved: `https://registry.npmjs.org/p${i}/-/p${i}-1.0.0.tgz`,
        integrity: `sha512-${'A'.repeat(86)}==`,
        dependencies: i + 1 < n ? { [`p${i + 1}`]: '^1' } : {},
      };
    }
    const { value, ms } = timed(() => parseLockfile('package-lock.json', JSON.stringify({ lockfileVersion: 3, packages }, null, 2), 'package-lock.json'));
    expect(value?.packages).toHaveLength(n);
    expect(value?.roots).toEqual(['p0']);
    expect(pkg(value!, `p${n - 1}`).line).toBeGreaterThan(n);
    expect(ms).toBeLessThan(5000);
  });

  it('parses a large yarn.lock v1 and poetry.lock in linear time', () => {
    const n = 20_000;
    const yarn = Array.from({ length: n }, (_, i) => `p${i}@^1:\n  version "1.0.0"\n  dependencies:\n    p${i + 1} "^1"\n`).join('\n');
    const y = timed(() => parseLockfile('yarn.lock', yarn, 'yarn.lock'));
    expect(y.value?.packages).toHaveLength(n);
    expect(y.ms).toBeLessThan(5000);
    const poetry = Array.from({ length: n }, (_, i) => `[[package]]\nname = "p${i}"\nversion = "1.0"\n\n[package.dependencies]\np${i + 1} = "*"\n`).join('\n');
    const p = timed(() => parseLockfile('poetry.lock', poetry, 'poetry.lock'));
    expect(p.value?.roots).toEqual(['p0']);
    expect(p.ms).toBeLessThan(5000);
  });

  it('survives one name@version repeated many times', () => {
    const n = 20_000;
    const yarn = Array.from({ length: n }, (_, i) => `"a@^${i}":\n  version "1.0.0"\n  integrity sha512-${i}\n  dependencies:\n    b "^1"\n`).join('\n');
    const { value, ms } = timed(() => parseLockfile('yarn.lock', `${yarn}\nb@^1:\n  version "1.0.0"\n`, 'yarn.lock'));
    expect(value?.packages).toHaveLength(2);
    expect(pkg(value!, 'a').hashes).toHaveLength(n);
    expect(ms).toBeLessThan(5000);
  });

  it('treats __proto__ and constructor as ordinary names', () => {
    const npm = parseLockfile(
      'package-lock.json',
      '{"lockfileVersion":3,"packages":{"":{"dependencies":{"__proto__":"1"}},"node_modules/__proto__":{"version":"1.0.0","dependencies":{"constructor":"1"}},"node_modules/constructor":{"version":"1.0.0"}}}',
      'package-lock.json',
    )!;
    expect(npm.roots).toEqual(['__proto__']);
    expect(pkg(npm, '__proto__').dependencies).toEqual(['constructor']);
    const pipfile = parseLockfile('Pipfile.lock', '{"default":{"__proto__":{"version":"==1.0"}}}', 'Pipfile.lock')!;
    expect(pipfile.packages.map((p) => p.name)).toEqual(['-proto-']);
    const poetry = parseLockfile('poetry.lock', '[[package]]\nname = "constructor"\nversion = "1.0"\n[package.dependencies]\n__proto__ = "*"\n', 'poetry.lock')!;
    expect(poetry.packages.map((p) => p.name)).toEqual(['constructor']);
    expect(({} as Record<string, unknown>)['version']).toBeUndefined();
  });

  it('reads lockfiles saved with a byte-order mark', () => {
    const bom = '\uFEFF';
    expect(parseLockfile('Pipfile.lock', `${bom}{"default":{"six":{"version":"==1.16.0"}}}`, 'Pipfile.lock')?.packages).toHaveLength(1);
    expect(parseLockfile('poetry.lock', `${bom}[[package]]\nname = "six"\nversion = "1.16.0"\n`, 'poetry.lock')?.packages[0]?.line).toBe(1);
    expect(parseLockfile('yarn.lock', `${bom}six@^1:\n  version "1.16.0"\n`, 'yarn.lock')?.packages).toHaveLength(1);
    expect(parseLockfile('pnpm-lock.yaml', `${bom}lockfileVersion: '9.0'\npackages:\n  six@1.0.0: {}\n`, 'pnpm-lock.yaml')?.packages).toHaveLength(1);
  });

  it('refuses binary garbage', () => {
    const garbage = String.fromCharCode(...Array.from({ length: 2000 }, (_, i) => (i * 7919) % 256));
    for (const name of ['poetry.lock', 'Pipfile.lock', 'uv.lock', 'pdm.lock', 'package-lock.json', 'yarn.lock', 'pnpm-lock.yaml']) {
      rejected(name, garbage);
    }
  });
});
