import type { RawFinding } from '../../core/analyzer.js';
import { makeFinding } from '../../core/make-finding.js';
import type { SourceText } from '../../core/source-text.js';
import type { PolicyDocument } from './policy.js';
import { iamRules } from './rules/index.js';

/** Every IAM rule's findings on one policy document written in `file`. */
export function checkPolicy(policy: PolicyDocument, file: string, source: SourceText): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const rule of iamRules) {
    rule.check(policy, {
      report: (statement, message, options) => findings.push(makeFinding(rule, file, source, statement.range, { ...options, message })),
    });
  }
  return findings;
}
