import type { Finding } from '../../core/finding.js';
import type { RuleMeta } from '../../core/rule.js';
import { stableFingerprint } from '../../core/fingerprint.js';
import type { DatasetProfile, SecuritySignal } from '../profile/types.js';

/** A rule behind one security signal of the profile; its examples are CSV files. */
export interface SignalRule extends RuleMeta {
  signal: SecuritySignal;
}

/** One finding per column and signal found, located at the data source, with redacted examples. */
export function signalFindings(profile: DatasetProfile, rules: SignalRule[]): Finding[] {
  return profile.columns.flatMap((column) =>
    rules.flatMap((rule): Finding[] => {
      const stats = column.signals[rule.signal];
      if (stats.count === 0) return [];
      const examples = stats.examples.map((e) => JSON.stringify(e)).join(', ');
      return [
        {
          ruleId: rule.id,
          title: rule.title,
          message: `column ${JSON.stringify(column.name)}: ${stats.count} of ${column.count - column.nullCount} values (${(stats.rate * 100).toFixed(2)}%)${examples ? `, e.g. ${examples}` : ''}`,
          severity: rule.severity,
          confidence: rule.confidence,
          cwe: rule.cwe,
          category: 'data',
          location: { file: profile.source, startLine: 1, startColumn: 1, endLine: 1, endColumn: 1, snippet: `column ${column.name}` },
          remediation: rule.remediation,
          fingerprint: stableFingerprint(rule.id, profile.dataset, column.name),
        },
      ];
    }),
  );
}
