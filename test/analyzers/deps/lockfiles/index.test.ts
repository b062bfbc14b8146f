import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LockfileError, parseLockfile } from '../../../../src/analyzers/deps/lockfiles/index.js';
import { fixture } from './helpers.js';

/** Every lockfile name the dispatcher knows, with fixtures of its formats to mutate. */
const FORMATS: Array<[string, string[]]> = [
  ['poetry.lock', ['poetry.lock', 'poetry-1.1.lock']],
  ['Pipfile.lock', ['Pipfile.lock']],
  ['uv.lock', ['uv.lock']],
  ['pdm.lock', ['pdm.lock']],
  ['package-lock.json', ['package-lock.json', 'package-lock-v2.json']],
  ['npm-shrinkwrap.json', ['package-lock-v2.json']],
  ['yarn.lock', ['yarn-v1.lock', 'yarn-berry.lock']],
  ['pnpm-lock.yaml', ['pnpm-v9.yaml', 'pnpm-v6.yaml', 'pnpm-v5.yaml']],
];

describe('parseLockfile', () => {
  it('dispatches by base name, case-insensitively, with either path separator', () => {
    expect(parseLockfile('services/ingest/poetry.lock', fixture('poetry.lock'), 'services/ingest/poetry.lock')?.format).toBe('poetry.lock');
    expect(parseLockfile('jobs\\Pipfile.lock', fixture('Pipfile.lock'), 'jobs/Pipfile.lock')?.format).toBe('Pipfile.lock');
    expect(parseLockfile('PNPM-LOCK.YAML', fixture('pnpm-v9.yaml'), 'PNPM-LOCK.YAML')?.format).toBe('pnpm-lock.yaml');
    expect(parseLockfile('yarn.lock', fixture('yarn-berry.lock'), 'yarn.lock')?.format).toBe('yarn.lock berry');
    expect(parseLockfile('yarn.lock', fixture('yarn-v1.lock'), 'yarn.lock')?.format).toBe('yarn.lock v1');
  });

  it('returns undefined for names it does not know', () => {
    expect(parseLockfile('requirements.txt', 'requests==2.31.0\n', 'requirements.txt')).toBeUndefined();
    expect(parseLockfile('poetry.lock.bak', '', 'poetry.lock.bak')).toBeUndefined();
    expect(parseLockfile('Cargo.lock', '', 'Cargo.lock')).toBeUndefined();
  });

  it('passes the file on to its errors', () => {
    try {
      parseLockfile('uv.lock', '[[package]\n', 'svc/uv.lock');
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(LockfileError);
      expect(err).toMatchObject({ file: 'svc/uv.lock', line: 1, name: 'LockfileError' });
    }
  });
});

/** Random edits of a real lockfile: they keep most of its structure, so they reach deep into the parsers. */
function mutated(text: string): fc.Arbitrary<string> {
  const position = fc.nat({ max: text.length });
  const edit = fc.oneof(
    fc.tuple(position, fc.nat({ max: 200 })).map(([at, n]) => (s: string) => s.slice(0, at) + s.slice(at + n)),
    fc.tuple(position, fc.string({ maxLength: 20 })).map(([at, ins]) => (s: string) => s.slice(0, at) + ins + s.slice(at)),
    fc.tuple(position, fc.constantFrom('{', '}', '[', ']', '"', "'", ':', ',', '\n', '  ', '#', '=', '@', '\\', '&a', '*a', '1', 'true', 'null')).map(
      ([at, ins]) =>
        (s: string) =>
          s.slice(0, at) + ins + s.slice(at),
    ),
    position.map((at) => (s: string) => s.slice(0, at)),
  );
  return fc.array(edit, { minLength: 1, maxLength: 6 }).map((edits) => edits.reduce((s, e) => e(s), text));
}

/** JSON shaped like the npm and pipenv formats, with random values where the fields go. */
const jsonLockish = fc
  .record({
    lockfileVersion: fc.oneof(fc.constantFrom(1, 2, 3), fc.jsonValue()),
    packages: fc.dictionary(fc.constantFrom('', 'node_modules/a', 'node_modules/a/node_modules/b', 'packages/w', 'x'), fc.jsonValue()),
    default: fc.dictionary(fc.string({ maxLength: 5 }), fc.jsonValue()),
    develop: fc.jsonValue(),
  })
  .map((value) => JSON.stringify(value));

describe('parseLockfile on arbitrary input', () => {
  it.each(FORMATS)('%s either parses or throws LockfileError', (name, fixtures) => {
    const texts = fixtures.map(fixture);
    const input = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      jsonLockish,
      ...texts.map(mutated),
    );
    fc.assert(
      fc.property(input, (text) => {
        try {
          const lock = parseLockfile(name, text, name);
          expect(lock?.type).toBe('lockfile');
        } catch (err) {
          if (!(err instanceof LockfileError)) throw err;
          expect(err.line === undefined || (Number.isInteger(err.line) && err.line >= 1)).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});
