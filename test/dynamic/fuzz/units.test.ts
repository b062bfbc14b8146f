import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvLine, parseCsv } from '../../../src/dynamic/fuzz/csv.js';
import { ddmin } from '../../../src/dynamic/fuzz/ddmin.js';
import { generateMutations } from '../../../src/dynamic/fuzz/mutations.js';
import { fullProbe, loadSample, outputRecords, renderProbe } from '../../../src/dynamic/fuzz/sample.js';
import { schemaViolations } from '../../../src/dynamic/fuzz/schema.js';
import { encodeText, expandAttack } from '../../../src/dynamic/payloads/index.js';
import { removeTree, tempTree } from '../../helpers/temp-tree.js';

describe('ddmin', () => {
  it('finds the two elements that together make the test fail', async () => {
    const items = Array.from({ length: 40 }, (_, i) => i);
    let tests = 0;
    const result = await ddmin(items, async (c) => (tests++, c.includes(7) && c.includes(31)), 200);
    expect(result).toEqual([7, 31]);
    expect(tests).toBeLessThan(100);
  });

  it('stops at its budget with a list that still fails', async () => {
    const result = await ddmin(Array.from({ length: 64 }, (_, i) => i), async (c) => c.includes(5), 3);
    expect(result).toContain(5);
    expect(result.length).toBeGreaterThan(1);
  });
});

describe('CSV records', () => {
  it('round-trips any cells through a line and back', () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 5 }), (cells) => {
        fc.pre(!(cells.length === 1 && cells[0] === ''));
        expect(parseCsv(csvLine(cells) + '\n')).toEqual([cells]);
      }),
    );
  });
});

describe('payload encoding', () => {
  it('writes lone surrogates as the raw bytes they stand for (invalid UTF-8)', () => {
    expect([...encodeText('a\uDCFFb\uDCE9')]).toEqual([0x61, 0xff, 0x62, 0xe9]);
    expect(encodeText('\u{1F4A9}').toString('utf8')).toBe('\u{1F4A9}');
  });

  it('expands recheck attack strings, scaling the pumped part', () => {
    expect(expandAttack("'a' + 'b'.repeat(3) + '\\x00'")).toBe('abbb\u0000');
    expect(expandAttack("'x'.repeat(2)", 3)).toBe('xxxxxx');
    expect(expandAttack('not an attack')).toBeUndefined();
  });
});

describe('samples and mutations', () => {
  it('changes exactly one field of one record and keeps the rest byte for byte', async () => {
    const root = tempTree({ 's.csv': 'id,name\n1,"a, b"\n2,c\n' });
    try {
      const sample = loadSample(path.join(root, 's.csv'), 'csv');
      expect(renderProbe(fullProbe(sample)).toString()).toBe(fs.readFileSync(path.join(root, 's.csv'), 'utf8'));
      const mutations = await generateMutations(sample, { seed: 4, redos: [], loadsPickles: false, memoryBytes: 1e8, schema: [], families: ['formula'] });
      expect(mutations.length).toBe(8);
      for (const m of mutations) {
        const rows = parseCsv(renderProbe(m.probe).toString());
        expect(rows).toHaveLength(3);
        const changed = rows.slice(1).flatMap((r, i) => r.filter((cell, j) => cell !== (sample.records[i] as string[])[j]));
        expect(changed).toEqual([m.probe.change!.value]);
      }
    } finally {
      removeTree(root);
    }
  });

  it('orders mutations the same way for a seed, differently for another', async () => {
    const root = tempTree({ 's.jsonl': '{"id":1,"v":"x"}\n{"id":2,"v":"y"}\n' });
    try {
      const sample = loadSample(path.join(root, 's.jsonl'), 'jsonl');
      const ids = async (seed: number) => (await generateMutations(sample, { seed, redos: [], loadsPickles: false, memoryBytes: 1e8, schema: [] })).map((m) => m.id);
      expect(await ids(1)).toEqual(await ids(1));
      expect(await ids(1)).not.toEqual(await ids(2));
      expect(new Set((await ids(1)).slice(0, 12).map((id) => id.split('/')[0])).size).toBeGreaterThanOrEqual(12);
    } finally {
      removeTree(root);
    }
  });

  it('counts records of CSV, JSONL and JSON outputs', () => {
    expect(outputRecords(Buffer.from('a,b\r\n1,"x\r\ny"\r\n2,z\r\n'))).toEqual(['1,"x\r\ny"', '2,z']);
    expect(outputRecords(Buffer.from('{"a":1}\n{"a":2}\n{"a":3}\n'))).toHaveLength(3);
    expect(outputRecords(Buffer.from('[{"a":1},{"a":2}]'))).toEqual(['{"a":1}', '{"a":2}']);
  });

  it('derives out-of-bounds values from a record schema', () => {
    const violations = schemaViolations({ properties: { age: { type: 'integer', minimum: 0, maximum: 130 }, kind: { enum: ['a'] } }, required: ['age'] });
    expect(violations.map((v) => `${v.field}:${v.id}=${v.json ?? v.value}`)).toEqual([
      'age:above-maximum=131',
      'age:below-minimum=-1',
      'age:fraction-in-integer=1.5',
      'age:string-in-typed-field=pw-wrong-type',
      'kind:not-in-enum=pw-not-in-enum',
      'age:missing-required=null',
    ]);
  });
});
