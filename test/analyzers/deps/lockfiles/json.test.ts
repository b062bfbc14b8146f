import { describe, expect, it } from 'vitest';
import { decodeJson, jsonMemberLines } from '../../../../src/analyzers/deps/lockfiles/json.js';
import { LockfileError } from '../../../../src/analyzers/deps/lockfiles/errors.js';

describe('jsonMemberLines', () => {
  it('finds the keys of the named top-level objects only', () => {
    const text = [
      '{',
      '  "name": "x",',
      '  "packages": {',
      '    "": {"dependencies": {"a": "1"}},',
      '    "node_modules/a": {',
      '      "description": "braces { [ and \\"quotes\\" in a string",',
      '      "list": [{"node_modules/b": 1}, "x"]',
      '    },',
      '    "node_modules/\\u0062": {}',
      '  },',
      '  "other": {"node_modules/c": {}}',
      '}',
    ].join('\n');
    JSON.parse(text);
    const lines = jsonMemberLines(text, ['packages']);
    expect([...lines.keys()]).toEqual(['packages']);
    expect([...lines.get('packages')!]).toEqual([
      ['', 4],
      ['node_modules/a', 5],
      ['node_modules/b', 9],
    ]);
  });

  it('returns nothing for a top-level array or a missing section', () => {
    expect(jsonMemberLines('[{"packages": {"a": 1}}]', ['packages']).size).toBe(0);
    expect(jsonMemberLines('{"default": []}', ['default', 'develop']).get('default')).toEqual(new Map());
  });
});

describe('decodeJson', () => {
  it('reports the line of a syntax error, and of an early end', () => {
    const err = (text: string) => {
      try {
        decodeJson(text, 'f.json');
      } catch (e) {
        return e as LockfileError;
      }
      throw new Error('expected an error');
    };
    expect(err('{\n  "a": 1,\n  "b" 2\n}').line).toBe(3);
    expect(err('{\n  "a": {\n').line).toBe(3);
    expect(err('{"a": 1}\n\nx').message).toMatch(/^invalid JSON: /);
  });
});
