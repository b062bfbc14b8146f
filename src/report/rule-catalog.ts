import type { AssessmentResult } from '../core/assessment.js';
import type { Finding } from '../core/finding.js';
import type { RuleMeta } from '../core/rule.js';

/**
 * The rules a report describes: every enabled rule, plus a stand-in built from the finding for any
 * rule id that a finding carries but the rule table lacks (a suppressed finding of a rule disabled
 * since, an analyzer that forgot to list a rule). SARIF needs a rule behind every ruleIndex and
 * JUnit a suite behind every failure, so such findings must not fall through the cracks.
 */
export function ruleCatalog(result: AssessmentResult): RuleMeta[] {
  const rules = [...result.rules];
  const known = new Set(rules.map((r) => r.id));
  for (const finding of [...result.findings, ...result.suppressed.map((s) => s.finding)]) {
    if (known.has(finding.ruleId)) continue;
    known.add(finding.ruleId);
    rules.push(standIn(finding));
  }
  return rules;
}

function standIn(finding: Finding): RuleMeta {
  return {
    id: finding.ruleId,
    title: finding.title,
    category: finding.category,
    severity: finding.severity,
    confidence: finding.confidence,
    cwe: finding.cwe,
    what: finding.title,
    why: '',
    remediation: finding.remediation,
    bad: [],
    good: [],
    references: [],
  };
}
