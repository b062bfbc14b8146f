import type { AssessmentResult, SuppressedFinding } from '../core/assessment.js';
import { SEVERITIES, compareFindings, type Finding, type Location, type Severity, type SkippedFile } from '../core/finding.js';

/** What every format needs to know about a render: only the text report has a say in colour. */
export interface RenderOptions {
  /** ANSI colour in the text report; the caller decides (from isTTY, NO_COLOR, a flag). */
  color?: boolean;
}

export type SeverityCounts = Record<Severity, number>;

/** The numbers every report leads or closes with, computed once so the formats cannot disagree. */
export interface ReportSummary {
  total: number;
  bySeverity: SeverityCounts;
  suppressed: number;
  errors: number;
  skipped: number;
  skippedForSize: number;
  filesAnalyzed: number;
  filesFromCache: number;
  durationMs: number;
  /** Undefined when the run kept no history, so "0 new" never claims a comparison that was not made. */
  history?: { new: number; fixed: number; firstRun: boolean };
}

export function summarize(result: AssessmentResult): ReportSummary {
  const summary: ReportSummary = {
    total: result.findings.length,
    bySeverity: countBySeverity(result.findings),
    suppressed: result.suppressed.length,
    errors: result.errors.length,
    skipped: result.skipped.length,
    skippedForSize: result.skipped.filter(isSizeSkip).length,
    filesAnalyzed: result.stats.filesAnalyzed,
    filesFromCache: result.stats.filesFromCache,
    durationMs: result.stats.durationMs,
  };
  if (result.history) {
    summary.history = {
      new: newFindings(result).size,
      fixed: result.history.fixed.length,
      firstRun: result.history.previousRunId === undefined,
    };
  }
  return summary;
}

function countBySeverity(findings: readonly Finding[]): SeverityCounts {
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as SeverityCounts;
  for (const finding of findings) counts[finding.severity]++;
  return counts;
}

/** Findings in report order (severity, then file, line, column, rule) without touching the input. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  return [...findings].sort(compareFindings);
}

export function sortSuppressed(suppressed: readonly SuppressedFinding[]): SuppressedFinding[] {
  return [...suppressed].sort((a, b) => compareFindings(a.finding, b.finding));
}

/** Active findings grouped by severity, most severe first, leaving out empty groups. */
export function groupBySeverity(findings: readonly Finding[]): Array<{ severity: Severity; findings: Finding[] }> {
  const sorted = sortFindings(findings);
  return SEVERITIES.map((severity) => ({ severity, findings: sorted.filter((f) => f.severity === severity) })).filter(
    (group) => group.findings.length > 0,
  );
}

/** The active findings that the previous run of this target did not have (empty without history). */
export function newFindings(result: AssessmentResult): Set<Finding> {
  if (!result.history || result.history.previousRunId === undefined) return new Set();
  const fresh = new Set(result.history.newFingerprints);
  return new Set(result.findings.filter((f) => fresh.has(f.fingerprint)));
}

function isSizeSkip(skipped: SkippedFile): boolean {
  return skipped.kind === 'too-large';
}

export function formatLocation(location: Pick<Location, 'file' | 'startLine' | 'startColumn'>): string {
  return `${location.file}:${location.startLine}:${location.startColumn}`;
}

function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 59_950) return `${(ms / 1000).toFixed(1)} s`;
  const seconds = Math.round(ms / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : pluralNoun}`;
}

/** "2 new, 1 fixed since the previous run", or "first run of this target". */
function historyPhrase(history: NonNullable<ReportSummary['history']>): string {
  return history.firstRun ? 'first run of this target' : `${history.new} new, ${history.fixed} fixed since the previous run`;
}

/**
 * The summary as phrases: findings with counts per severity, suppressed, scan errors, files and
 * time, and the comparison with the previous run when there was one. The text report joins them
 * into its closing line; the Markdown one shows the severities as a table and the rest beneath.
 */
export function summaryPhrases(summary: ReportSummary): { findings: string; rest: string[] } {
  const perSeverity = SEVERITIES.map((s) => `${summary.bySeverity[s]} ${s}`).join(', ');
  const cache = summary.filesFromCache > 0 ? ` (${summary.filesFromCache} from cache)` : '';
  const rest = [
    `${summary.suppressed} suppressed`,
    plural(summary.errors, 'scan error'),
    `${plural(summary.filesAnalyzed, 'file')} analysed${cache} in ${formatDuration(summary.durationMs)}`,
  ];
  if (summary.history) rest.push(historyPhrase(summary.history));
  return { findings: `${plural(summary.total, 'finding')} (${perSeverity})`, rest };
}
