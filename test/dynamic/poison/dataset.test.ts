import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/dynamic/poison/table/csv.js';
import { parseDataset, serializeDataset } from '../../../src/dynamic/poison/table/dataset.js';

describe('CSV records', () => {
  it('keeps quoted commas, doubled quotes and line breaks, and says which lines each record spans', () => {
    const records = parseCsv('\uFEFFid,comment\r\n1,"a, ""quoted""\r\nsecond line"\r\n2,plain\r\n');
    expect(records.map((r) => r.cells)).toEqual([
      ['id', 'comment'],
      ['1', 'a, "quoted"\r\nsecond line'],
      ['2', 'plain'],
    ]);
    expect(records.map((r) => [r.firstLine, r.lastLine])).toEqual([
      [1, 1],
      [2, 3],
      [4, 4],
    ]);
  });

  it('reads a last record without a line ending, and skips blank lines', () => {
    expect(parseCsv('a,b\n\n1,2').map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });
});

describe('datasets', () => {
  it('writes a CSV back with its line ending and reports the line of every row', () => {
    const dataset = parseDataset('s.csv', 'id,text\r\n1,"two\r\nlines"\r\n2,x\r\n');
    expect(dataset.rows).toEqual([
      { id: '1', text: 'two\r\nlines' },
      { id: '2', text: 'x' },
    ]);
    const { bytes, lines } = serializeDataset(dataset);
    expect(bytes.toString('utf8')).toBe('id,text\r\n1,"two\r\nlines"\r\n2,x\r\n');
    expect(lines).toEqual([
      { first: 2, last: 3 },
      { first: 4, last: 4 },
    ]);
  });

  it('round-trips JSON Lines and JSON arrays, keeping value types', () => {
    const jsonl = parseDataset('s.jsonl', '{"id":1,"amount":2.5,"tags":["a"]}\n{"id":2,"amount":null}\n');
    expect(jsonl.columns).toEqual(['id', 'amount', 'tags']);
    expect(parseDataset('s.jsonl', serializeDataset(jsonl).bytes.toString()).rows).toEqual(jsonl.rows);
    const json = parseDataset('s.json', '[{"id":"a"},{"id":"b","x":true}]');
    const again = serializeDataset(json);
    expect(parseDataset('s.json', again.bytes.toString()).rows).toEqual(json.rows);
    expect(again.lines).toEqual([
      { first: 2, last: 2 },
      { first: 3, last: 3 },
    ]);
  });

  it('sniffs the format of a name without an extension, and rejects JSON that holds no records', () => {
    expect(parseDataset('output', '[{"a":1}]').format).toBe('json');
    expect(parseDataset('output', '{"a":1}\n').format).toBe('jsonl');
    expect(parseDataset('output', 'a\n1\n').format).toBe('csv');
    expect(() => parseDataset('x.json', '{"a":1}')).toThrow(/array of records/);
    expect(() => parseDataset('x.jsonl', '{"a":1}\n[1]\n')).toThrow(/line 2 is not a JSON object/);
  });
});
