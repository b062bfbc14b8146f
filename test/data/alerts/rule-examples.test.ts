import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findRule } from '../../../src/analyzers/registry.js';
import type { RuleExample, RuleMeta } from '../../../src/core/rule.js';
import { compareProfiles } from '../../../src/data/drift/compare.js';
import { driftFindings } from '../../../src/data/drift/findings.js';
import { resolveDriftSettings } from '../../../src/data/drift/settings.js';
import { analyzeLogs, DEFAULT_LOG_SETTINGS } from '../../../src/data/logs/analyze.js';
import { logFindings } from '../../../src/data/logs/findings.js';
import { parseLog } from '../../../src/data/logs/parse.js';
import { monitorSeries } from '../../../src/data/monitor/monitor.js';
import { slowDriftFindings } from '../../../src/data/monitor/slow-drift.js';
import { profileDataset } from '../../../src/data/profile/index.js';
import type { DatasetProfile, LogicalType } from '../../../src/data/profile/types.js';
import { anomalyRules } from '../../../src/data/rules/anomaly-rules.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-data-rules-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let files = 0;

/** Splits a `batch,…` CSV example into one CSV per batch value, in order of appearance. */
function splitBatches(code: string): Map<string, string> {
  const [header, ...rows] = code.trimEnd().split('\n');
  const columns = header!.split(',').slice(1).join(',');
  const groups = new Map<string, string[]>();
  for (const row of rows) {
    const comma = row.indexOf(',');
    const batch = row.slice(0, comma);
    groups.set(batch, [...(groups.get(batch) ?? []), row.slice(comma + 1)]);
  }
  return new Map([...groups].map(([batch, lines]) => [batch, `${columns}\n${lines.join('\n')}\n`]));
}

/** A column named `label` is declared as the label column (`--label label`). */
async function profileText(csv: string, declaredTypes?: Record<string, LogicalType>): Promise<DatasetProfile> {
  const file = path.join(dir, `example-${files++}.csv`);
  fs.writeFileSync(file, csv);
  const label = csv.slice(0, csv.indexOf('\n')).split(',').includes('label') ? { label: 'label' } : {};
  return profileDataset({ engine: 'duckdb', file, threads: 1 }, { dataset: 'example', ...label, ...(declaredTypes ? { declaredTypes } : {}) });
}

/** Runs an example through the same path the commands take and returns the rule ids it reports. */
async function reported(example: RuleExample): Promise<string[]> {
  if (!example.file.endsWith('.csv')) {
    const analysis = analyzeLogs(parseLog(example.code, example.file), DEFAULT_LOG_SETTINGS);
    return logFindings(analysis).map((f) => f.ruleId);
  }
  const batches = splitBatches(example.code);
  if (batches.has('reference')) {
    const reference = await profileText(batches.get('reference')!);
    const types = Object.fromEntries(reference.columns.map((c) => [c.name, c.type]));
    const current = await profileText(batches.get('current')!, types);
    return driftFindings(compareProfiles(reference, current, resolveDriftSettings())).map((f) => f.ruleId);
  }
  const golden = await profileText(batches.get('golden')!);
  const series: DatasetProfile[] = [];
  for (const [name, csv] of batches) if (name !== 'golden') series.push(await profileText(csv));
  return slowDriftFindings(monitorSeries('example', golden, series)).map((f) => f.ruleId);
}

describe('data rule metadata', () => {
  it.each(anomalyRules.map((r) => [r.id, r] as const))('%s is complete and registered', (id, rule: RuleMeta) => {
    expect(id).toMatch(/^data\.[a-z-]+(\.[a-z-]+)*$/);
    expect(rule.category).toBe('data');
    expect(rule.cwe.length).toBeGreaterThan(0);
    for (const cwe of rule.cwe) expect(cwe).toMatch(/^CWE-\d+$/);
    for (const text of [rule.title, rule.what, rule.why, rule.remediation]) expect(text.trim()).not.toBe('');
    for (const ref of rule.references) expect(ref).toMatch(/^https:\/\//);
    expect(findRule(id)).toBe(rule);
  });
});

describe.each(anomalyRules.map((r) => [r.id, r] as const))('%s examples', (id, rule) => {
  it.each(rule.bad.map((e, i) => [i, e] as const))('bad example %i is reported', async (_i, example) => {
    expect(await reported(example)).toContain(id);
  });
  it.each(rule.good.map((e, i) => [i, e] as const))('good example %i raises no alert at all', async (_i, example) => {
    expect(await reported(example)).toEqual([]);
  });
});
