import type { ReportOptions } from './analyzer.js';
import type { Finding } from './finding.js';
import { stableFingerprint } from './fingerprint.js';
import type { LineReader } from './line-reader.js';
import type { RuleMeta } from './rule.js';

/** Where a project analyzer reports: a point in a scanned file. */
export interface ProjectSpot {
  file: string;
  line: number;
  column: number;
}

/**
 * A finding made by a project analyzer, which has facts rather than parsed files: the snippet is
 * read from the file, and `key` (what makes this finding this one) keeps the fingerprint stable
 * across line shifts.
 */
export function projectFinding(rule: RuleMeta, lines: LineReader, at: ProjectSpot, key: string, options: ReportOptions & { message: string }): Finding {
  const snippet = lines.source(at.file).line(at.line).trimEnd();
  return {
    ruleId: rule.id,
    title: rule.title,
    message: options.message,
    severity: options.severity ?? rule.severity,
    confidence: options.confidence ?? rule.confidence,
    cwe: options.cwe ?? rule.cwe,
    category: rule.category,
    location: { file: at.file, startLine: at.line, startColumn: at.column, endLine: at.line, endColumn: at.column, snippet },
    ...(options.trace ? { trace: options.trace } : {}),
    remediation: rule.remediation,
    fingerprint: stableFingerprint(rule.id, at.file, `${snippet.trim()}\u0000${key}`),
  };
}

/** The column of a lineage node id (`path#Lline:col`). */
export function columnOfNodeId(id: string): number {
  return Number(/:(\d+)$/.exec(id)?.[1] ?? 1);
}
