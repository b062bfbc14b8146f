import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeLogs, DEFAULT_LOG_SETTINGS, learnBaseline } from '../../../src/data/logs/analyze.js';
import { readLogBaseline, writeLogBaseline } from '../../../src/data/logs/baseline.js';
import { logFindings } from '../../../src/data/logs/findings.js';
import { parseLog } from '../../../src/data/logs/parse.js';
import { logExample } from '../../../src/data/rules/log-examples.js';

const records = (scenario: Parameters<typeof logExample>[1]) => parseLog(logExample('etl.log', scenario).code, 'etl.log');

describe('analyzeLogs', () => {
  it('compares the second half with the first by default and finds the error spike, with its template', () => {
    const analysis = analyzeLogs(records('error-spike'), DEFAULT_LOG_SETTINGS);
    expect(analysis.baseline.records).toBe(20);
    expect(analysis.current.records).toBe(20);
    const errors = analysis.rates.find((r) => r.kind === 'error')!;
    expect(errors).toMatchObject({ baselineCount: 1, currentCount: 10, spike: true });
    expect(errors.currentRate).toBeCloseTo(0.5, 12);
    expect(errors.ratio).toBeCloseTo(0.5 / (1.5 / 21), 12);
    expect(errors.drivers[0]).toEqual({ template: 'failed to insert row <NUM>: value too long for column <STR>', baseline: 0, current: 10 });
    const [finding] = logFindings(analysis);
    expect(finding).toMatchObject({ ruleId: 'data.logs.error-spike', category: 'data', location: { file: 'etl.log', startLine: 22 } });
  });

  it('names as drivers of a kind only templates whose records of that kind grew', () => {
    const line = (i: number, level: string, message: string) => `2024-05-01 10:00:${String(i % 60).padStart(2, '0')},000 ${level} etl: ${message}`;
    const baseline = Array.from({ length: 40 }, (_, i) => line(i, i % 10 === 0 ? 'WARNING' : 'INFO', `loaded batch ${i}`));
    const current = Array.from({ length: 40 }, (_, i) => (i % 4 === 0 ? line(i, 'WARNING', `slow upload of part ${i}`) : line(i, 'INFO', `loaded batch ${i}`)));
    const analysis = analyzeLogs(parseLog(`${[...baseline, ...current].join('\n')}\n`, 'etl.log'), DEFAULT_LOG_SETTINGS);
    const warnings = analysis.rates.find((r) => r.kind === 'warning')!;
    // "loaded batch" had the warnings in the baseline and has none now: it drove nothing.
    expect(warnings.drivers).toEqual([{ template: 'etl: slow upload of part <NUM>', baseline: 0, current: 10 }]);
  });

  it('names a new exception class at its first record', () => {
    const analysis = analyzeLogs(records('new-exception'), DEFAULT_LOG_SETTINGS);
    expect(analysis.newErrorClasses.map((c) => [c.name, c.count, c.first.line])).toEqual([['ValueError', 1, 30]]);
    expect(analysis.rates.every((r) => !r.spike)).toBe(true);
  });

  it('counts Python\'s None as a null message, not the word none in prose or dpkg\'s <none>', () => {
    const log = [
      '2024-05-01 10:00:00,000 INFO etl: install libfoo:amd64 <none> 1.2-3',
      '2024-05-01 10:00:01,000 INFO etl: none of the rows were skipped',
      '2024-05-01 10:00:02,000 WARNING etl: amount is None for order 17',
      '2024-05-01 10:00:03,000 WARNING etl: 3 null values in column email',
    ].join('\n');
    const analysis = analyzeLogs(parseLog(`${log}\n`, 'etl.log'), DEFAULT_LOG_SETTINGS);
    expect(analysis.rates.find((r) => r.kind === 'data-quality')).toMatchObject({ baselineCount: 0, currentCount: 2 });
  });

  it('does not flag a steady log', () => {
    expect(logFindings(analyzeLogs(records('steady'), DEFAULT_LOG_SETTINGS))).toEqual([]);
  });

  it('round-trips a saved baseline and compares a whole log with it', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pw-logs-')), 'baseline.json');
    writeLogBaseline(file, learnBaseline(records('steady')));
    const baseline = readLogBaseline(file)!;
    expect(baseline.records).toBe(40);
    expect(baseline.levels.error).toBe(2);
    const spike = parseLog(logExample('etl.log', 'error-spike').code, 'etl.log').slice(20);
    const analysis = analyzeLogs(spike, DEFAULT_LOG_SETTINGS, { baseline, source: file });
    expect(analysis.baseline).toEqual({ source: file, records: 40 });
    expect(analysis.rates.find((r) => r.kind === 'error')!.spike).toBe(true);
    // The steady templates were matched, not learnt again as new ones.
    expect(analysis.templates.find((t) => t.template.startsWith('loaded'))).toMatchObject({ template: 'loaded <NUM> rows from <URL>', baseline: 20, current: 10 });
    fs.rmSync(path.dirname(file), { recursive: true });
  });

  it('treats a file that is not a saved baseline as a log', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pw-logs-')), 'old.log');
    fs.writeFileSync(file, logExample('etl.log', 'steady').code);
    expect(readLogBaseline(file)).toBeUndefined();
    fs.rmSync(path.dirname(file), { recursive: true });
  });
});
