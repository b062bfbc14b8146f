import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig, parseSize } from '../../src/core/config.js';
import { UsageError } from '../../src/core/errors.js';
import { removeTree, tempTree } from '../helpers/temp-tree.js';

let roots: string[] = [];
const withConfig = (text: string) => {
  const root = tempTree({ 'pipewarden.yml': text });
  roots.push(root);
  return root;
};
afterEach(() => {
  roots.forEach(removeTree);
  roots = [];
});

function errorOf(text: string): string {
  try {
    loadConfig(withConfig(text));
  } catch (err) {
    expect(err).toBeInstanceOf(UsageError);
    return (err as Error).message;
  }
  throw new Error('expected the config to be rejected');
}

describe('pipewarden.yml', () => {
  it('is optional', () => {
    const root = tempTree();
    roots.push(root);
    expect(loadConfig(root)).toEqual({});
  });

  it('loads a valid config', () => {
    const config = loadConfig(withConfig('failOn: medium\nexclude:\n  - tests/\nmaxFileSize: 2MB\nonly: [sast]\nhistory:\n  enabled: false\n'));
    expect(config).toEqual({ failOn: 'medium', exclude: ['tests/'], maxFileSize: '2MB', only: ['sast'], history: { enabled: false } });
  });

  it('names an unknown key and the line it is on', () => {
    expect(errorOf('failOn: high\nexclude: []\nfail_on: low\n')).toBe('pipewarden.yml:3:1: unknown key "fail_on"');
  });

  it('names a nested unknown key with its full path', () => {
    expect(errorOf('history:\n  enabled: true\n  path: x.db\n')).toBe('pipewarden.yml:3:3: unknown key "history.path"');
  });

  it('names a key with the wrong type and the line of its value', () => {
    expect(errorOf('format: text\njobs: many\n')).toBe('pipewarden.yml:2:7: "jobs" must be integer');
    expect(errorOf('exclude:\n  - tests/\n  - 42\n')).toBe('pipewarden.yml:3:5: "exclude.1" must be string');
  });

  it('lists the allowed values of an enum', () => {
    expect(errorOf('failOn: severe\n')).toBe('pipewarden.yml:1:9: "failOn" must be one of: critical, high, medium, low, info, none');
  });

  it('reports YAML syntax errors with their position', () => {
    expect(errorOf('failOn: high\n  bad: [\n')).toMatch(/^pipewarden\.yml:\d+:\d+: invalid YAML: /);
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 0; i < 9; i++) {
      const prev = String.fromCharCode(97 + i);
      const name = String.fromCharCode(98 + i);
      bomb.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    expect(errorOf(bomb.join('\n') + '\n')).toMatch(/pipewarden\.yml: .*alias/i);
  });
});

describe('parseSize', () => {
  it.each([
    ['5MB', 5_000_000],
    ['5MiB', 5 * 1024 * 1024],
    ['512 KiB', 512 * 1024],
    ['1.5GB', 1_500_000_000],
    ['100', 100],
  ])('%s is %d bytes', (text, bytes) => expect(parseSize(text)).toBe(bytes));

  it('rejects nonsense', () => expect(() => parseSize('five megs')).toThrow(UsageError));
});
