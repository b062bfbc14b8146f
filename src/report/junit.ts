import type { AssessmentResult, SuppressedFinding } from '../core/assessment.js';
import type { Finding, ScanError } from '../core/finding.js';
import { printable } from './printable.js';
import { ruleCatalog } from './rule-catalog.js';
import { formatLocation, sortFindings, sortSuppressed } from './summary.js';

/*
 * JUnit XML for CI test-report views (GitLab, Jenkins, Azure, GitHub test-report actions). Each
 * enabled rule is a suite that "tested" every analysed file: an active finding is a failing case,
 * a suppressed one a skipped case, and a rule that found nothing shows one passing case so it is
 * visible as passed. Scan errors get a suite of their own as errors.
 */

interface Suite {
  name: string;
  tests: number;
  failures: number;
  errors: number;
  skipped: number;
  cases: string[];
}

export function renderJunit(result: AssessmentResult): string {
  const findings = sortFindings(result.findings);
  const suppressed = sortSuppressed(result.suppressed);
  const suites = ruleCatalog(result).map((rule): Suite => {
    const failing = findings.filter((f) => f.ruleId === rule.id);
    const skipped = suppressed.filter((s) => s.finding.ruleId === rule.id);
    const cases = [...failing.map(failureCase), ...skipped.map(skippedCase)];
    return {
      name: rule.id,
      tests: Math.max(result.stats.filesAnalyzed, cases.length, 1),
      failures: failing.length,
      errors: 0,
      skipped: skipped.length,
      cases: cases.length > 0 ? cases : [`<testcase classname="${attr(rule.id)}" name="no findings"/>`],
    };
  });
  if (result.errors.length > 0) {
    suites.push({
      name: 'scan errors',
      tests: result.errors.length,
      failures: 0,
      errors: result.errors.length,
      skipped: 0,
      cases: result.errors.map(errorCase),
    });
  }

  const total = (key: 'tests' | 'failures' | 'errors' | 'skipped') => suites.reduce((sum, s) => sum + s[key], 0);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(result.tool.name)}" tests="${total('tests')}" failures="${total('failures')}" errors="${total('errors')}" skipped="${total('skipped')}" time="${(result.stats.durationMs / 1000).toFixed(3)}" timestamp="${attr(result.startedAt)}">`,
    ...suites.flatMap((s) => [
      `  <testsuite name="${attr(s.name)}" tests="${s.tests}" failures="${s.failures}" errors="${s.errors}" skipped="${s.skipped}">`,
      ...s.cases.map((c) => `    ${c}`),
      '  </testsuite>',
    ]),
    '</testsuites>',
  ];
  return `${lines.join('\n')}\n`;
}

function failureCase(finding: Finding): string {
  const { location } = finding;
  const body = [
    `Location: ${formatLocation(location)}`,
    `Snippet: ${location.snippet}`,
    `Message: ${finding.message}`,
    `CWE: ${finding.cwe.join(', ') || 'none'}; confidence: ${finding.confidence}`,
    `Remediation: ${finding.remediation}`,
    ...(finding.trace ?? []).map((step, i) => `Trace ${i + 1}: ${step.file}:${step.line} ${step.label}`),
  ].join('\n');
  const failure = `<failure message="${attr(`[${finding.severity.toUpperCase()}] ${finding.ruleId}: ${finding.message}`)}" type="${attr(`${finding.severity} ${finding.ruleId}`)}">${text(body)}</failure>`;
  return `<testcase ${caseAttributes(finding)}>${failure}</testcase>`;
}

function skippedCase({ finding, kind, reason }: SuppressedFinding): string {
  return `<testcase ${caseAttributes(finding)}><skipped message="${attr(`suppressed (${kind})${reason ? `: ${reason}` : ''}`)}"/></testcase>`;
}

function errorCase(error: ScanError): string {
  const type = error.analyzer ? `scan-error ${error.analyzer}` : 'scan-error';
  return `<testcase classname="scan-errors" name="${attr(error.file)}" file="${attr(error.file)}"><error message="${attr(error.message)}" type="${attr(type)}">${text(`${error.file}: ${error.message}`)}</error></testcase>`;
}

function caseAttributes(finding: Finding): string {
  const { location } = finding;
  return `classname="${attr(finding.ruleId)}" name="${attr(formatLocation(location))}" file="${attr(location.file)}" line="${location.startLine}"`;
}

/*
 * XML 1.0 cannot carry most control characters even as references, so printable() turns them
 * (and lone surrogates) into visible escapes before the markup characters are escaped.
 */
function text(value: string): string {
  return printable(value).replace(/[&<>]/g, (c) => XML_ENTITIES[c]!);
}

/** Attribute values also keep their newlines and tabs, which parsers would otherwise normalise away. */
function attr(value: string): string {
  return printable(value).replace(/[&<>"'\n\t]/g, (c) => XML_ENTITIES[c]!);
}

const XML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\n': '&#10;', '\t': '&#9;' };
