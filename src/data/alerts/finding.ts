import { stableFingerprint } from '../../core/fingerprint.js';
import type { Finding, Severity } from '../../core/finding.js';
import type { RuleMeta } from '../../core/rule.js';

export interface DataAlert {
  rule: RuleMeta;
  /** What the alert is about: a data file, `baseline:NAME`, a dataset or a log file. */
  target: string;
  /** The column, template or error class; it keys the fingerprint. */
  subject: string;
  message: string;
  severity?: Severity;
  /** Line in `target` the alert points at, when it has one (log files). */
  line?: number;
  snippet?: string;
}

/**
 * A data alert as a finding (category data). Its fingerprint comes from rule, target and subject,
 * so the same column drifting again is the same finding in the run history.
 */
export function dataFinding(alert: DataAlert): Finding {
  const line = alert.line ?? 1;
  return {
    ruleId: alert.rule.id,
    title: alert.rule.title,
    message: alert.message,
    severity: alert.severity ?? alert.rule.severity,
    confidence: alert.rule.confidence,
    cwe: alert.rule.cwe,
    category: 'data',
    location: { file: alert.target, startLine: line, startColumn: 1, endLine: line, endColumn: 1, snippet: alert.snippet ?? alert.subject },
    remediation: alert.rule.remediation,
    fingerprint: stableFingerprint(alert.rule.id, alert.target, alert.subject),
  };
}
