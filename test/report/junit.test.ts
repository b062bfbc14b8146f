import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderJunit } from '../../src/report/junit.js';
import { RULES, emptyResult, fullResult } from './fixture.js';

interface Case {
  '@_classname': string;
  '@_name': string;
  '@_file'?: string;
  '@_line'?: string;
  failure?: { '@_message': string; '@_type': string; '#text': string };
  error?: { '@_message': string; '@_type': string; '#text': string };
  skipped?: { '@_message': string };
}
interface Suite {
  '@_name': string;
  '@_tests': string;
  '@_failures': string;
  '@_errors': string;
  '@_skipped': string;
  testcase: Case[];
}
interface Suites {
  '@_tests': string;
  '@_failures': string;
  '@_errors': string;
  '@_skipped': string;
  '@_time': string;
  testsuite: Suite[];
}

const parser = new XMLParser({
  ignoreAttributes: false,
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: false,
  htmlEntities: true,
  isArray: (name) => name === 'testsuite' || name === 'testcase',
});

function parse(xml: string): Suites {
  expect(XMLValidator.validate(xml)).toBe(true);
  return (parser.parse(xml) as { testsuites: Suites }).testsuites;
}

/** Characters XML 1.0 does not allow anywhere in a document, not even as references. */
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;

const suiteNamed = (suites: Suites, name: string) => suites.testsuite.find((s) => s['@_name'] === name)!;

describe('JUnit report', () => {
  it('is well-formed XML with a declaration', () => {
    const xml = renderJunit(fullResult());
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    parse(xml);
  });

  it('has one suite per enabled rule and one for scan errors, with totals that add up', () => {
    const suites = parse(renderJunit(fullResult()));
    expect(suites.testsuite.map((s) => s['@_name'])).toEqual([...RULES.map((r) => r.id), 'scan errors']);
    for (const key of ['@_tests', '@_failures', '@_errors', '@_skipped'] as const) {
      expect(Number(suites[key])).toBe(suites.testsuite.reduce((sum, s) => sum + Number(s[key]), 0));
    }
    expect([suites['@_failures'], suites['@_errors'], suites['@_skipped']]).toEqual(['5', '2', '3']);
    expect(suites['@_time']).toBe('1.234');
    // Every rule "tested" each of the 42 analysed files.
    expect(suiteNamed(suites, 'py.deserialization.pickle')['@_tests']).toBe('42');
    expect(suiteNamed(suites, 'scan errors')['@_tests']).toBe('2');
  });

  it('counts in each suite the failures, errors and skips it holds', () => {
    for (const suite of parse(renderJunit(fullResult())).testsuite) {
      const count = (kind: 'failure' | 'error' | 'skipped') => String(suite.testcase.filter((c) => c[kind] !== undefined).length);
      expect([suite['@_failures'], suite['@_errors'], suite['@_skipped']]).toEqual([count('failure'), count('error'), count('skipped')]);
      expect(Number(suite['@_tests'])).toBeGreaterThanOrEqual(suite.testcase.length);
    }
  });

  it('makes each active finding a failing case that names severity, rule, location, snippet and fix', () => {
    const suite = suiteNamed(parse(renderJunit(fullResult())), 'py.deserialization.pickle');
    const failing = suite.testcase.filter((c) => c.failure);
    expect(failing).toHaveLength(1);
    const [testcase] = failing;
    expect(testcase).toMatchObject({ '@_classname': 'py.deserialization.pickle', '@_name': 'jobs/load model.py:12:1', '@_file': 'jobs/load model.py', '@_line': '12' });
    expect(testcase!.failure!['@_message']).toBe('[HIGH] py.deserialization.pickle: pickle.load() deserializes data read from an upload bucket');
    expect(testcase!.failure!['@_type']).toBe('high py.deserialization.pickle');
    const body = testcase!.failure!['#text'];
    for (const part of ['Location: jobs/load model.py:12:1', 'Snippet: model = pickle.load(fh)', 'CWE: CWE-502', 'Remediation: Do the safe thing instead.', 'Trace 1: jobs/fetch.py:3 object read from s3://uploads']) {
      expect(body).toContain(part);
    }
  });

  it('escapes markup and replaces characters XML cannot carry', () => {
    const xml = renderJunit(fullResult());
    expect(xml).not.toMatch(NOT_XML);
    const sql = suiteNamed(parse(xml), 'sql.injection.format').testcase.find((c) => c.failure)!;
    expect(sql.failure!['#text']).toContain('Snippet: if a < b && name == "x|y": log(`tick`) \\x1b[2J');
    expect(sql.failure!['@_message']).toContain('from `table` | user input');
  });

  it('keeps newlines and strips lone surrogates in attributes', () => {
    const result = fullResult();
    result.errors = [{ file: 'bad\ud800name.py', message: 'line one\nline two\u0000' }];
    const xml = renderJunit(result);
    expect(xml).not.toMatch(NOT_XML);
    const [error] = suiteNamed(parse(xml), 'scan errors').testcase;
    expect(error!.error!['@_message']).toBe('line one\nline two\\x00');
    expect(error!['@_name']).toBe('bad\\ud800name.py');
  });

  it('shows suppressed findings as skipped cases with their kind and reason', () => {
    const suite = suiteNamed(parse(renderJunit(fullResult())), 'deps.unpinned');
    expect(suite.testcase.find((c) => c.skipped)!.skipped!['@_message']).toBe('suppressed (ignore-file): dev only');
  });

  it('reports scan errors as errors of their own suite', () => {
    const suite = suiteNamed(parse(renderJunit(fullResult())), 'scan errors');
    expect(suite['@_errors']).toBe('2');
    expect(suite.testcase.map((c) => [c['@_name'], c.error!['@_message'], c.error!['@_type']])).toEqual([
      ['notebooks/huge.ipynb', 'invalid JSON at offset 12', 'scan-error notebook'],
      ['jobs/broken.py', 'analysis timed out after 30 s', 'scan-error'],
    ]);
  });

  it('shows a rule that found nothing as one passing case, and a clean run with no failures', () => {
    const silent = suiteNamed(parse(renderJunit(fullResult())), 'iac.s3.public-acl');
    expect(silent.testcase).toEqual([{ '@_classname': 'iac.s3.public-acl', '@_name': 'no findings' }]);
    expect(silent['@_failures']).toBe('0');

    const clean = parse(renderJunit(emptyResult()));
    expect([clean['@_failures'], clean['@_errors'], clean['@_skipped']]).toEqual(['0', '0', '0']);
    expect(clean.testsuite.map((s) => s['@_name'])).toEqual(RULES.map((r) => r.id));
  });

  it('counts at least one test per suite even when no file was analysed', () => {
    const result = emptyResult();
    result.stats.filesAnalyzed = 0;
    for (const suite of parse(renderJunit(result)).testsuite) expect(suite['@_tests']).toBe('1');
  });
});
