import { describe, expect, it } from 'vitest';
import { validateSource, type RecordSchema } from '../../../src/data/schema/index.js';
import { tempDataDir } from '../temp-data.js';
import { wideCsv, wideValue } from '../wide-data.js';

const write = tempDataDir();
const ROWS = 2000;
const COLUMNS = 520;

/** Every column declared an integer of at most 90: values 91–96 of the even columns violate it. */
function schema(): RecordSchema {
  const properties: RecordSchema['properties'] = { label: { type: 'string', enum: ['a', 'b', 'c'] } };
  for (let i = 0; i < COLUMNS; i++) properties[`n${i}`] = { type: 'integer', minimum: 0, maximum: 90 };
  return { type: 'object', properties, required: ['label', 'n0', 'extra'], additionalProperties: false };
}

describe('validating a wide table', () => {
  it('checks every column, in scans of a bounded number of columns, with counts and examples per column', async () => {
    // Column 300 carries text in three rows: a type violation in a later chunk than the first.
    const file = write('features.csv', wideCsv(ROWS, COLUMNS, (r, i) => (i === 300 && r % 700 === 1 ? `bad${r}` : wideValue(r, i))));
    const report = await validateSource({ engine: 'duckdb', file }, schema());
    expect(report.records).toBe(ROWS);
    const tooHigh = report.violations.filter((v) => v.kind === 'maximum');
    const columnsOver = Array.from({ length: COLUMNS }, (_, i) => i).filter((i) => Array.from({ length: ROWS }, (_, r) => wideValue(r, i)).some((v) => v > 90));
    expect(columnsOver.length).toBeGreaterThan(250);
    expect(tooHigh.map((v) => v.path)).toEqual(columnsOver.map((i) => `n${i}`));
    for (const i of [0, 256, 518]) {
      const expected = Array.from({ length: ROWS }, (_, r) => wideValue(r, i)).filter((v) => v > 90);
      const violation = tooHigh.find((v) => v.path === `n${i}`)!;
      expect(violation.count).toBe(expected.length);
      expect(violation.examples).toEqual([String(Math.min(...expected)), String(Math.max(...expected))]);
    }
    expect(report.violations.filter((v) => v.kind === 'type')).toMatchObject([{ path: 'n300', count: 3 }]);
    expect(report.violations.filter((v) => v.kind === 'required')).toMatchObject([{ path: 'extra', count: ROWS }]);
    expect(report.violations.filter((v) => v.kind === 'enum')).toEqual([]);
  });
});
