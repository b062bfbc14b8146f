import { describe, expect, it } from 'vitest';
import { dependencyTarget, descriptorName, npmSource } from '../../../../src/analyzers/deps/lockfiles/npm-refs.js';
import { redactUrl } from '../../../../src/analyzers/deps/lockfiles/sources.js';

describe('npm references', () => {
  it('splits descriptors at the first @ after a scope', () => {
    expect(descriptorName('axios@^1.6.0')).toBe('axios');
    expect(descriptorName('@types/node@npm:20.12.7')).toBe('@types/node');
    expect(descriptorName('lodash4@npm:lodash@^4')).toBe('lodash4');
    expect(descriptorName('lodash')).toBeUndefined();
    expect(descriptorName('@scope')).toBeUndefined();
  });

  it('resolves npm: aliases to the real package', () => {
    expect(dependencyTarget('string-width-cjs', 'npm:string-width@^4.2.0')).toBe('string-width');
    expect(dependencyTarget('types', 'npm:@types/node@^20')).toBe('@types/node');
    expect(dependencyTarget('axios', 'npm:^1.6.0')).toBe('axios');
    expect(dependencyTarget('axios', '^1.6.0')).toBe('axios');
  });

  it.each([
    ['https://registry.npmjs.org/axios/-/axios-1.6.8.tgz', undefined],
    ['https://registry.yarnpkg.com/@types/node/-/node-20.12.7.tgz#abc', undefined],
    ['https://npm.internal.example.com/repository/npm/pg/-/pg-8.11.5.tgz', undefined],
    ['npm:1.6.8', undefined],
    ['patch:resolve@npm%3A1.22.8#optional!builtin<compat/resolve>', undefined],
    ['https://downloads.example.com/geo-lookup-2.0.1.tgz', { kind: 'url', url: 'https://downloads.example.com/geo-lookup-2.0.1.tgz' }],
    ['git+ssh://git@github.com/org/repo.git#abc123', { kind: 'vcs', url: 'ssh://git@github.com/org/repo.git', ref: 'abc123' }],
    ['git+https://github.com/org/repo.git', { kind: 'vcs', url: 'https://github.com/org/repo.git' }],
    ['github:org/repo#v1', { kind: 'vcs', url: 'github:org/repo', ref: 'v1' }],
    ['https://github.com/org/repo.git#commit=abc123', { kind: 'vcs', url: 'https://github.com/org/repo.git', ref: 'abc123' }],
    ['file:../lib', { kind: 'path', path: '../lib' }],
    ['file:../lib#../lib::hash=4f2a1b&locator=app%40workspace%3A.', { kind: 'path', path: '../lib' }],
    ['link:./vendor/cfg', { kind: 'path', path: './vendor/cfg' }],
  ])('classifies %s', (reference, expected) => {
    expect(npmSource(reference)).toEqual(expected);
  });
});

describe('redactUrl', () => {
  it.each([
    ['https://x-access-token:ghp_secret@github.com/org/repo.git', 'https://***@github.com/org/repo.git'],
    ['https://ghp_secret@github.com/org/repo.git', 'https://***@github.com/org/repo.git'],
    ['git+https://user:pw@example.com/r.git', 'git+https://***@example.com/r.git'],
    ['ssh://git@github.com/org/repo.git', 'ssh://git@github.com/org/repo.git'],
    ['ssh://deploy:hunter2@git.example.com/r.git', 'ssh://deploy:***@git.example.com/r.git'],
    ['https://example.com/a@b.tgz', 'https://example.com/a@b.tgz'],
    ['git@github.com:org/repo.git', 'git@github.com:org/repo.git'],
  ])('%s → %s', (url, expected) => {
    expect(redactUrl(url)).toBe(expected);
  });
});
