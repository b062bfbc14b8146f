import { describe, expect, it } from 'vitest';
import { COLUMNS_PER_SCAN, GROUPING_SETS_PER_SCAN, profileDataset, profileSql } from '../../../src/data/profile/index.js';
import { tempDataDir } from '../temp-data.js';
import { WIDE_LABELS, wideCsv, wideLabel, wideValue } from '../wide-data.js';

const write = tempDataDir();
const ROWS = 2000;
const COLUMNS = 520;

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / values.length;
}

describe('profiling a wide table', () => {
  // 520 columns and 780 grouping sets: one scan of either ran out of DuckDB's default 512 MB.
  const file = write('features.csv', wideCsv(ROWS, COLUMNS));

  it('profiles every column, in scans of a bounded number of columns and grouping sets', async () => {
    const profile = await profileDataset({ engine: 'duckdb', file }, { label: 'label' });
    expect(profile.rowCount).toBe(ROWS);
    expect(profile.columns).toHaveLength(COLUMNS + 1);
    for (const i of [0, 1, 255, 256, 518, 519]) {
      const column = profile.columns[i + 1]!;
      const values = Array.from({ length: ROWS }, (_, r) => wideValue(r, i));
      expect(column.name).toBe(`n${i}`);
      expect([column.min, column.max]).toEqual([Math.min(...values), Math.max(...values)]);
      expect(column.mean).toBeCloseTo(mean(values), 9);
      expect(column.histogram.reduce((n, b) => n + b.count, 0)).toBe(ROWS);
      if (i % 2 === 1) {
        expect(column.distinctExact).toBe(true);
        expect(column.topValues.reduce((n, t) => n + t.count, 0)).toBe(ROWS);
      }
    }
    const groups = profile.labelConditional!.groups;
    const labels = Array.from({ length: ROWS }, (_, r) => wideLabel(r));
    expect(groups.map((g) => [g.label, g.rows])).toEqual(WIDE_LABELS.map((l) => [l, labels.filter((x) => x === l).length]));
    for (const g of groups) {
      expect(g.columns.map((c) => c.column)).toEqual(Array.from({ length: COLUMNS }, (_, i) => `n${i}`));
      const last = Array.from({ length: ROWS }, (_, r) => r).filter((r) => wideLabel(r) === g.label).map((r) => wideValue(r, COLUMNS - 1));
      expect(g.columns[COLUMNS - 1]!.mean).toBeCloseTo(mean(last), 9);
    }
  });

  it('shows one aggregate query per chunk of columns in the dry run', async () => {
    const sql = await profileSql({ engine: 'duckdb', file }, { label: 'label' });
    expect(sql.match(/count\(\*\) AS row_count/g)).toHaveLength(Math.ceil((COLUMNS + 1) / COLUMNS_PER_SCAN));
    expect(sql.match(/GROUP BY label_value/g)).toHaveLength(Math.ceil(COLUMNS / COLUMNS_PER_SCAN));
    expect(sql).toContain(`one aggregate scan per ${COLUMNS_PER_SCAN} columns`);
    expect(sql).toContain(`one GROUP BY GROUPING SETS scan per ${GROUPING_SETS_PER_SCAN} sets`);
  });
});

describe('running out of DuckDB memory', () => {
  it('names the memory limit behind the failed allocation, which is what a user can change', async () => {
    const file = write('features-small-limit.csv', wideCsv(ROWS, COLUMNS));
    await expect(profileDataset({ engine: 'duckdb', file, memoryLimit: '8MB' })).rejects.toThrow(
      /^cannot read .*features-small-limit\.csv as csv: .*allocate.*; DuckDB's memory limit of 8MB is used up \(profile --memory-limit raises it\)$/,
    );
  });
});
