import type { AssessmentResult, AssessmentStats, HistoryComparison } from '../core/assessment.js';
import type { Finding, ScanError } from '../core/finding.js';
import { sortFindings, sortSuppressed, summarize } from './summary.js';

/*
 * The JSON report is a contract for scripts (jq, dashboards), so every object is built field by
 * field: keys come out in one fixed order whatever order the producer used, and nothing beyond the
 * documented fields leaks in.
 */

export function renderJson(result: AssessmentResult): string {
  const summary = summarize(result);
  // null, not 0, when no earlier run was compared: "0 new" would claim a comparison.
  const compared = summary.history && !summary.history.firstRun ? summary.history : undefined;
  const report = {
    tool: { name: result.tool.name, version: result.tool.version },
    root: result.root,
    startedAt: result.startedAt,
    summary: {
      total: summary.total,
      ...summary.bySeverity,
      suppressed: summary.suppressed,
      errors: summary.errors,
      skipped: summary.skipped,
      new: compared?.new ?? null,
      fixed: compared?.fixed ?? null,
    },
    findings: sortFindings(result.findings).map(findingRecord),
    suppressed: sortSuppressed(result.suppressed).map((s) => ({ ...findingRecord(s.finding), suppression: { kind: s.kind, reason: s.reason } })),
    errors: result.errors.map(errorRecord),
    skipped: result.skipped.map((s) => ({ file: s.file, kind: s.kind, reason: s.reason })),
    notices: [...result.notices],
    stats: statsRecord(result.stats),
    history: result.history ? historyRecord(result.history) : null,
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** Exactly the Finding fields, in the order of the design guide; `trace` only when there is one. */
function findingRecord(f: Finding): Finding {
  const { location: l } = f;
  return {
    ruleId: f.ruleId,
    title: f.title,
    message: f.message,
    severity: f.severity,
    confidence: f.confidence,
    cwe: [...f.cwe],
    category: f.category,
    location: { file: l.file, startLine: l.startLine, startColumn: l.startColumn, endLine: l.endLine, endColumn: l.endColumn, snippet: l.snippet },
    ...(f.trace ? { trace: f.trace.map((t) => ({ file: t.file, line: t.line, label: t.label })) } : {}),
    remediation: f.remediation,
    fingerprint: f.fingerprint,
  };
}

function errorRecord(e: ScanError): ScanError {
  return { file: e.file, ...(e.analyzer !== undefined ? { analyzer: e.analyzer } : {}), message: e.message };
}

function statsRecord(s: AssessmentStats): AssessmentStats {
  const kinds = Object.entries(s.filesByKind).sort(([a], [b]) => a.localeCompare(b));
  return {
    filesSeen: s.filesSeen,
    filesAnalyzed: s.filesAnalyzed,
    filesFromCache: s.filesFromCache,
    linesAnalyzed: s.linesAnalyzed,
    filesByKind: Object.fromEntries(kinds),
    durationMs: s.durationMs,
  };
}

function historyRecord(h: HistoryComparison) {
  return {
    runId: h.runId,
    previousRunId: h.previousRunId ?? null,
    newFingerprints: [...h.newFingerprints],
    fixed: h.fixed.map((f) => ({ ruleId: f.ruleId, title: f.title, severity: f.severity, file: f.file, line: f.line, fingerprint: f.fingerprint })),
  };
}
