import fs from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { Log, ReportingDescriptor, Result } from 'sarif';
import { describe, expect, it } from 'vitest';
import type { AssessmentResult } from '../../src/core/assessment.js';
import { renderSarif } from '../../src/report/sarif.js';
import { FINDINGS, HOSTILE_SNIPPET, RULES, emptyResult, fullResult } from './fixture.js';

/*
 * The SARIF 2.1.0 schema as Microsoft's SARIF SDK ships it in its multitool package: the OASIS
 * errata01 schema, declared there as JSON Schema 2020-12 (hence Ajv2020). Each platform build of
 * the multitool carries the same file.
 */
const require = createRequire(import.meta.url);
const schemaPath = require.resolve(`@microsoft/sarif-multitool-${process.platform}/sarif-2.1.0.json`);
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')) as object);

function sarif(result: AssessmentResult): Log {
  return JSON.parse(renderSarif(result)) as Log;
}

function expectValid(log: unknown): void {
  const ok = validate(log);
  expect(ok ? [] : validate.errors).toEqual([]);
}

const run = (log: Log) => log.runs[0]!;
const rulesOf = (log: Log) => run(log).tool.driver.rules!;
const resultsOf = (log: Log) => run(log).results!;
const byFingerprint = (log: Log, fingerprint: string) => resultsOf(log).find((r) => r.partialFingerprints?.['pipewarden/v1'] === fingerprint)!;

describe('SARIF report', () => {
  it('validates against the SARIF 2.1.0 JSON Schema, full and empty', () => {
    expectValid(sarif(fullResult()));
    expectValid(sarif(emptyResult()));
  });

  it('is checked by a validator that does reject broken SARIF', () => {
    const log = sarif(fullResult());
    resultsOf(log)[0]!.locations![0]!.physicalLocation!.region!.startLine = 0;
    expect(validate(log)).toBe(false);
    expect(validate({ ...sarif(emptyResult()), version: '2.0.0' })).toBe(false);
  });

  it('names the schema and version, and has one run by pipewarden', () => {
    const log = sarif(fullResult());
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toMatch(/sarif-schema-2\.1\.0\.json$/);
    expect(log.runs).toHaveLength(1);
    const driver = run(log).tool.driver;
    expect(driver).toMatchObject({ name: 'pipewarden', version: '0.1.0' });
  });

  it('describes every enabled rule the way GitHub code scanning reads it', () => {
    const rules = rulesOf(sarif(fullResult()));
    expect(rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    const pickle = rules.find((r) => r.id === 'py.deserialization.pickle')!;
    expect(pickle.name).toBe('PyDeserializationPickle');
    expect(pickle.shortDescription?.text).toBe('Deserialization with pickle');
    expect(pickle.fullDescription?.text).toBe('Finds deserialization with pickle.');
    expect(pickle.helpUri).toBe('https://example.org/rules/py.deserialization.pickle');
    expect(pickle.defaultConfiguration?.level).toBe('error');
    expect(pickle.properties).toEqual({ tags: ['security', 'sast', 'CWE-502'], 'security-severity': '8.0', precision: 'high' });
    for (const part of ['Why it matters', 'It lets an attacker', 'Do the safe thing instead.', 'model = pickle.load(fh)', 'pd.read_parquet', 'https://example.org/rules/']) {
      expect(pickle.help?.text).toContain(part);
      expect(pickle.help?.markdown).toContain(part);
    }
    expect(pickle.help?.markdown).toContain('```python\nimport pickle\nmodel = pickle.load(fh)\n```');
  });

  it('maps severity to level and to a security-severity inside GitHub’s band, and leaves out helpUri without a reference', () => {
    const rules = new Map(rulesOf(sarif(fullResult())).map((r) => [r.id, r]));
    const expected: Array<[string, string, string, number, number]> = [
      ['secret.aws-access-key', 'error', '9.5', 9, 10],
      ['py.deserialization.pickle', 'error', '8.0', 7, 8.9],
      ['sql.injection.format', 'warning', '5.5', 4, 6.9],
      ['deps.unpinned', 'note', '3.0', 0.1, 3.9],
      ['data.pii-column', 'note', '0.0', 0, 0],
    ];
    for (const [id, level, score, low, high] of expected) {
      const rule = rules.get(id)!;
      expect(rule.defaultConfiguration?.level).toBe(level);
      expect(rule.properties?.['security-severity']).toBe(score);
      expect(Number(score)).toBeGreaterThanOrEqual(low);
      expect(Number(score)).toBeLessThanOrEqual(high);
    }
    expect(rules.get('deps.unpinned')!.helpUri).toBeUndefined();
    expect(rules.get('data.pii-column')!.properties?.tags).toEqual(['security', 'data']);
  });

  it('gives each result its rule index, own level, message, relative location and fingerprint', () => {
    const log = sarif(fullResult());
    const rules = rulesOf(log);
    for (const result of resultsOf(log)) expect(rules[result.ruleIndex!]!.id).toBe(result.ruleId);

    const sql = byFingerprint(log, 'fp-sql');
    expect(sql).toMatchObject({ ruleId: 'sql.injection.format', level: 'warning', message: { text: FINDINGS.sql.message } });
    expect(sql.properties).toEqual({ confidence: 'medium', category: 'sast' });
    expect(sql.locations![0]!.physicalLocation).toEqual({
      artifactLocation: { uri: 'sql/q%231.py', uriBaseId: '%SRCROOT%' },
      region: { startLine: 7, startColumn: 1, endLine: 7, endColumn: 20, snippet: { text: HOSTILE_SNIPPET } },
    });
    expect(byFingerprint(log, 'fp-pickle').locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('jobs/load%20model.py');
  });

  it('takes the level from the finding, not the rule, when a match overrides severity', () => {
    const result = fullResult();
    result.findings.find((f) => f.fingerprint === 'fp-dep')!.severity = 'critical';
    expect(byFingerprint(sarif(result), 'fp-dep').level).toBe('error');
  });

  it('anchors relative URIs on %SRCROOT%, the root’s file URI with a trailing slash', () => {
    expect(run(sarif(fullResult())).originalUriBaseIds).toEqual({ '%SRCROOT%': { uri: 'file:///srv/repos/etl%20pipeline/' } });
    const root = { ...fullResult(), root: '/' };
    expect(run(sarif(root)).originalUriBaseIds!['%SRCROOT%']!.uri).toBe('file:///');
  });

  it('turns a trace into a code flow whose steps carry their labels', () => {
    const log = sarif(fullResult());
    const flow = byFingerprint(log, 'fp-pickle').codeFlows!;
    expect(flow).toHaveLength(1);
    const steps = flow[0]!.threadFlows[0]!.locations.map((l) => [l.location!.physicalLocation!.artifactLocation!.uri, l.location!.physicalLocation!.region!.startLine, l.location!.message!.text]);
    expect(steps).toEqual([
      ['jobs/fetch.py', 3, 'object read from s3://uploads'],
      ['jobs/load%20model.py', 12, 'passed to pickle.load()'],
    ]);
    expect(byFingerprint(log, 'fp-sql').codeFlows).toBeUndefined();
  });

  it('includes suppressed findings with an in-source or external suppression and its justification', () => {
    const log = sarif(fullResult());
    const suppressions = (fp: string) => byFingerprint(log, fp).suppressions;
    expect(suppressions('fp-s1')).toEqual([{ kind: 'inSource', status: 'accepted', justification: 'artifact we sign ourselves' }]);
    expect(suppressions('fp-s2')).toEqual([{ kind: 'external', status: 'accepted', justification: 'dev only' }]);
    expect(suppressions('fp-s3')).toEqual([{ kind: 'external', status: 'accepted', justification: 'accepted 2025-01-10' }]);
    const active = resultsOf(log).filter((r) => !r.suppressions);
    expect(active).toHaveLength(5);
  });

  it('reports scan errors as error notifications of a run that still completed', () => {
    const invocation = run(sarif(fullResult())).invocations![0]!;
    expect(invocation.executionSuccessful).toBe(true);
    const errors = invocation.toolExecutionNotifications!.filter((n) => n.level === 'error');
    expect(errors.map((n) => [n.message.text, n.locations![0]!.physicalLocation!.artifactLocation])).toEqual([
      ['invalid JSON at offset 12', { uri: 'notebooks/huge.ipynb', uriBaseId: '%SRCROOT%' }],
      ['analysis timed out after 30 s', { uri: 'jobs/broken.py', uriBaseId: '%SRCROOT%' }],
    ]);
    expect(invocation.startTimeUtc).toBe('2025-03-01T10:00:00.000Z');
    expect(invocation.endTimeUtc).toBe('2025-03-01T10:00:01.234Z');
  });

  it('states which results are new against the previous run, and only when there was one', () => {
    const states = (log: Log) => Object.fromEntries(resultsOf(log).filter((r) => !r.suppressions).map((r) => [r.partialFingerprints!['pipewarden/v1'], r.baselineState]));
    expect(states(sarif(fullResult()))).toEqual({ 'fp-secret': 'new', 'fp-pickle': 'unchanged', 'fp-sql': 'new', 'fp-dep': 'unchanged', 'fp-pii': 'unchanged' });
    const first = fullResult();
    first.history = { runId: 1, previousRunId: undefined, newFingerprints: [], fixed: [] };
    expect(Object.values(states(sarif(first))).every((s) => s === undefined)).toBe(true);
  });

  it('takes helpUri from the first web reference only', () => {
    const result = fullResult();
    result.rules = result.rules.map((r) => (r.id === 'sql.injection.format' ? { ...r, references: ['OWASP SQL Injection Prevention Cheat Sheet', 'https://owasp.org/sqli'] } : r));
    const log = sarif(result);
    expectValid(log);
    expect(rulesOf(log).find((r) => r.id === 'sql.injection.format')!.helpUri).toBe('https://owasp.org/sqli');
  });

  it('gives a finding of a rule missing from the rule table a rule of its own', () => {
    const result = fullResult();
    result.rules = result.rules.filter((r) => r.id !== 'deps.unpinned');
    const log = sarif(result);
    expectValid(log);
    const rule: ReportingDescriptor = rulesOf(log).at(-1)!;
    expect(rule.id).toBe('deps.unpinned');
    const dep: Result = byFingerprint(log, 'fp-dep');
    expect(rulesOf(log)[dep.ruleIndex!]!.id).toBe('deps.unpinned');
  });

  it('stays valid for a finding without a line and for odd file names', () => {
    const result = fullResult();
    const dep = result.findings.find((f) => f.fingerprint === 'fp-dep')!;
    dep.location = { file: 'lock files/poetry.lock', startLine: 0, startColumn: 0, endLine: 0, endColumn: 0, snippet: '' };
    result.findings.find((f) => f.fingerprint === 'fp-pii')!.location.file = 'data/ü?x%y\\z.csv';
    const log = sarif(result);
    expectValid(log);
    expect(byFingerprint(log, 'fp-dep').locations![0]!.physicalLocation).toEqual({ artifactLocation: { uri: 'lock%20files/poetry.lock', uriBaseId: '%SRCROOT%' } });
    expect(byFingerprint(log, 'fp-pii').locations![0]!.physicalLocation!.artifactLocation!.uri).toBe('data/%C3%BC%3Fx%25y%5Cz.csv');
  });
});
