import type { AssessmentResult } from '../../core/assessment.js';
import { CONFIG_FILE, type FailOn } from '../../core/config.js';
import { stableFingerprint } from '../../core/fingerprint.js';
import { compareFindings, type Finding, type Severity } from '../../core/finding.js';
import { TOOL } from '../../core/tool-info.js';
import { pipelineScripts, type Pipeline } from '../pipeline.js';
import type { DynamicRule } from '../rules/dynamic-rule.js';
import { poisonCrashedRule } from '../rules/poison-crashed.js';
import { poisonPropagatedRule } from '../rules/poison-propagated.js';
import { poisonRules } from '../rules/poison-rules.js';
import { poisonSilentDropRule } from '../rules/poison-silent-drop.js';
import type { Outcome } from './classify.js';
import type { PoisonReport } from './simulate.js';

export function percent(rate: number): string {
  return `${Number((rate * 100).toPrecision(3))}%`;
}

/** One finding per attack and bad outcome (propagated, crashed, silently dropped), at the pipeline's script. */
export function poisonFindings(report: PoisonReport, pipeline: Pick<Pipeline, 'root' | 'run'>): Finding[] {
  const file = pipelineScripts(pipeline)[0] ?? CONFIG_FILE;
  const findings: Finding[] = [];
  for (const attack of report.attacks) {
    const add = (rule: DynamicRule, outcome: Outcome, severity: Severity, cwe: string[], what: string) => {
      const cells = attack.cells.filter((c) => c.counts[outcome] > 0);
      if (cells.length === 0) return;
      const hit = cells.reduce((n, c) => n + c.counts[outcome], 0);
      const total = cells.reduce((n, c) => n + c.poisoned, 0);
      const example = cells.flatMap((c) => c.records).find((r) => r.outcome === outcome)!;
      findings.push({
        ruleId: rule.id,
        title: rule.title,
        message:
          `${attack.title}${attack.column ? ` in ${attack.column}` : ''}: ${hit} of ${total} poisoned records ${what} at ${cells.map((c) => percent(c.rate)).join(', ')} ` +
          `(e.g. input line ${example.line}${example.id ? `, id ${example.id}` : ''}: ${example.detail}).`,
        severity,
        confidence: rule.confidence,
        cwe,
        category: 'dynamic',
        location: { file, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1, snippet: pipeline.run },
        remediation: rule.remediation,
        fingerprint: stableFingerprint(rule.id, file, attack.id),
      });
    };
    add(poisonCrashedRule, 'crashed', poisonCrashedRule.severity, poisonCrashedRule.cwe, 'crashed the run');
    add(poisonPropagatedRule, 'propagated', attack.severity, attack.cwe, 'reached the output as they went in');
    add(poisonSilentDropRule, 'dropped', poisonSilentDropRule.severity, poisonSilentDropRule.cwe, 'vanished without a logged reason');
  }
  return findings.sort(compareFindings);
}

/** The simulation as an AssessmentResult, so the SARIF renderer (and its CWE tags) serve it too. */
export function poisonAssessment(report: PoisonReport, findings: Finding[], notices: string[], failOn: FailOn): AssessmentResult {
  return {
    tool: TOOL,
    root: report.root,
    startedAt: report.startedAt,
    findings,
    suppressed: [],
    errors: [],
    skipped: [],
    notices,
    stats: { filesSeen: 0, filesAnalyzed: 0, filesFromCache: 0, linesAnalyzed: 0, filesByKind: {}, durationMs: report.durationMs },
    rules: poisonRules,
    failOn,
  };
}
