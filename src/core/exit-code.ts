import { severityRank, type Finding } from './finding.js';
import type { FailOn } from './config.js';

/** 1 when an active finding is at or above the threshold, else 0. */
export function exitCodeFor(findings: Finding[], failOn: FailOn): 0 | 1 {
  if (failOn === 'none') return 0;
  return findings.some((f) => severityRank(f.severity) >= severityRank(failOn)) ? 1 : 0;
}
