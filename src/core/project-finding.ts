import fs from 'node:fs';
import path from 'node:path';
import type { ReportOptions } from './analyzer.js';
import type { Finding } from './finding.js';
import { stableFingerprint } from './fingerprint.js';
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
export function projectFinding(rule: RuleMeta, root: string, at: ProjectSpot, key: string, options: ReportOptions & { message: string }): Finding {
  const snippet = lineOf(path.join(root, at.file), at.line);
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

function lineOf(file: string, line: number): string {
  try {
    return fs.readFileSync(file, 'utf8').split('\n')[line - 1]?.trimEnd() ?? '';
  } catch {
    return '';
  }
}
