import { describe, expect, it } from 'vitest';
import { JsonError, MAX_JSON_DEPTH, parseJson, type JsonNode } from '../../../src/analyzers/notebook/json.js';

/** The plain value of a node, to compare with JSON.parse. */
function plain(node: JsonNode): unknown {
  if (node.kind === 'array') return node.items.map(plain);
  if (node.kind === 'object') return Object.fromEntries([...node.members].map(([k, v]) => [k, plain(v)]));
  return node.value;
}

describe('positioned JSON parser', () => {
  it('reads what JSON.parse reads', () => {
    const text = '{"a": [1, -2.5e3, true, false, null], "b": {"c": "x\\n\\u00e9\\ud83d\\ude00\\"q"}, "d": []}';
    expect(plain(parseJson(text))).toEqual(JSON.parse(text));
  });

  it('places strings at their line and columns in the raw text', () => {
    const node = parseJson('{\n "source": [\n  "import os\\n",\n  "x = 1"\n ]\n}');
    const source = node.kind === 'object' ? node.members.get('source') : undefined;
    expect(source?.kind).toBe('array');
    const items = source?.kind === 'array' ? source.items : [];
    expect(items[0]).toMatchObject({ value: 'import os\n', at: { line: 3, column: 3 }, endColumn: 16 });
    expect(items[1]).toMatchObject({ value: 'x = 1', at: { line: 4, column: 3 }, endColumn: 10 });
  });

  it('keeps keys such as __proto__ as plain keys, the last of a repeated key winning', () => {
    const node = parseJson('{"__proto__": 1, "k": 1, "k": 2}');
    expect(node.kind === 'object' && [...node.members]).toEqual([
      ['__proto__', expect.objectContaining({ value: 1 })],
      ['k', expect.objectContaining({ value: 2 })],
    ]);
  });

  it.each([
    ['truncated', '{"cells": [{"source": ["x'],
    ['a missing comma', '{"a": 1 "b": 2}'],
    ['trailing text', '{} {}'],
    ['a raw newline in a string', '{"a": "x\ny"}'],
    ['a bad escape', '{"a": "\\q"}'],
    ['an empty document', ''],
  ])('rejects %s with its position', (_what, text) => {
    expect(() => parseJson(text)).toThrow(JsonError);
    expect(() => parseJson(text)).toThrow(/^invalid JSON at line \d+, column \d+: /);
  });

  it('refuses nesting past its limit without exhausting the stack', () => {
    expect(() => parseJson(`${'['.repeat(10_000)}${']'.repeat(10_000)}`)).toThrow(/nested deeper than 256 levels/);
    expect(() => parseJson(`${'['.repeat(MAX_JSON_DEPTH)}${']'.repeat(MAX_JSON_DEPTH)}`)).not.toThrow();
  });
});
