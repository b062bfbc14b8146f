import type { FileKind } from '../inventory/classify.js';
import type { Finding, ScanError, Severity, SkippedFile } from './finding.js';
import type { RuleMeta } from './rule.js';

export type SuppressionKind = 'inline' | 'ignore-file' | 'baseline';

/** A finding that matched a suppression: kept, counted and shown as suppressed, never dropped. */
export interface SuppressedFinding {
  finding: Finding;
  kind: SuppressionKind;
  reason: string;
}

export interface HistoryComparison {
  runId: number;
  previousRunId: number | undefined;
  /** Fingerprints of active findings not present in the previous run of the same target. */
  newFingerprints: string[];
  /** Findings of the previous run that are gone now. */
  fixed: Array<Pick<Finding, 'ruleId' | 'severity' | 'fingerprint' | 'title'> & { file: string; line: number }>;
}

export interface AssessmentStats {
  filesSeen: number;
  filesAnalyzed: number;
  filesFromCache: number;
  linesAnalyzed: number;
  filesByKind: Partial<Record<FileKind, number>>;
  durationMs: number;
}

/** Everything one `assess` run produced; every report format renders this. */
export interface AssessmentResult {
  tool: { name: string; version: string };
  /** Absolute path of the scanned root. */
  root: string;
  startedAt: string;
  findings: Finding[];
  suppressed: SuppressedFinding[];
  errors: ScanError[];
  skipped: SkippedFile[];
  /** Things the user should know that are not findings (an expired suppression, say). */
  notices: string[];
  stats: AssessmentStats;
  history?: HistoryComparison;
  /** Every rule that was enabled for this run, for SARIF's rule table and docs links. */
  rules: RuleMeta[];
  failOn: Severity | 'none';
}
