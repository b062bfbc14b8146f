import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/dynamic/poison/table/csv.js';

const PIPELINE = fileURLToPath(new URL('../../examples/feedback-pipeline/', import.meta.url));
const SAMPLE = path.join(PIPELINE, 'data', 'feedback_sample.csv');
const MALFORMED = path.join(PIPELINE, 'data', 'feedback_malformed.csv');
const VULNERABLE = path.join(PIPELINE, 'jobs', 'clean_feedback.py');
const HARDENED = path.join(PIPELINE, 'jobs', 'clean_feedback_hardened.py');
/** The formula-prefixed comment planted in the sample (row FB-100236). */
const FORMULA_ROW = 'FB-100236';

const hasPython = spawnSync('python3', ['--version']).status === 0;
if (!hasPython) {
  console.warn('example-pipeline tests skipped: python3 is not on PATH, and the example jobs are Python scripts');
}

interface JobRun {
  result: SpawnSyncReturns<string>;
  /** Cleaned rows keyed by feedback_id, each as column name → value. */
  rows: Map<string, Record<string, string>>;
}

describe.skipIf(!hasPython)('examples/feedback-pipeline jobs', () => {
  let tmp: string;

  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pipewarden-example-'));
  });

  afterAll(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  function runJob(script: string, input: string, name: string): JobRun {
    const output = path.join(tmp, `${name}.csv`);
    // The vulnerable job caches a pickle in the system temp dir by default; keep it in ours.
    const extra = script === VULNERABLE ? ['--lookup-cache', path.join(tmp, `${name}-lookup.pkl`)] : [];
    const result = spawnSync('python3', [script, '--input', input, '--output', output, ...extra], {
      encoding: 'utf8',
      timeout: 30_000,
      // Keep the example folder free of __pycache__ from the imported helper modules.
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1' },
    });
    const rows = new Map<string, Record<string, string>>();
    if (fs.existsSync(output)) {
      const [header, ...body] = parseCsv(fs.readFileSync(output, 'utf8')).map((record) => record.cells);
      for (const cells of body) {
        const record = Object.fromEntries(header.map((column, i) => [column, cells[i] ?? '']));
        rows.set(record.feedback_id, record);
      }
    }
    return { result, rows };
  }

  it('runs both jobs on the sample and writes cleaned rows', () => {
    for (const [script, name] of [
      [VULNERABLE, 'vulnerable'],
      [HARDENED, 'hardened'],
    ] as const) {
      const { result, rows } = runJob(script, SAMPLE, `sample-${name}`);
      expect(result.status, `${name} job stderr:\n${result.stderr}`).toBe(0);
      expect(rows.size).toBeGreaterThan(30);
      const summary = JSON.parse(result.stdout.trim().split('\n').pop()!) as Record<string, number>;
      expect(summary.written).toBe(rows.size);
      expect(summary.duplicates).toBe(1);
    }
  });

  it('passes the formula-prefixed comment through in the vulnerable job and neutralises it in the hardened one', () => {
    const vulnerable = runJob(VULNERABLE, SAMPLE, 'formula-vulnerable');
    const hardened = runJob(HARDENED, SAMPLE, 'formula-hardened');
    expect(vulnerable.rows.get(FORMULA_ROW)?.comment).toMatch(/^=HYPERLINK\(/);
    expect(hardened.rows.get(FORMULA_ROW)?.comment).toMatch(/^'=HYPERLINK\(/);
    // No text cell of the hardened output may start with a character a spreadsheet evaluates.
    for (const row of hardened.rows.values()) {
      for (const value of Object.values(row)) expect(value).not.toMatch(/^[=+\-@\t\r]/);
    }
  });

  it('crashes the vulnerable job on a malformed export, while the hardened job sets bad rows aside', () => {
    const vulnerable = runJob(VULNERABLE, MALFORMED, 'malformed-vulnerable');
    expect(vulnerable.result.status).not.toBe(0);
    expect(vulnerable.result.stderr).toContain('ValueError');

    const hardened = runJob(HARDENED, MALFORMED, 'malformed-hardened');
    expect(hardened.result.status, hardened.result.stderr).toBe(0);
    expect(hardened.rows.size).toBeGreaterThan(0);
    const summary = JSON.parse(hardened.result.stdout.trim()) as Record<string, number>;
    expect(summary.rejected).toBeGreaterThan(0);
    expect(hardened.result.stderr).toContain('rating is not a whole number');
  });
});
