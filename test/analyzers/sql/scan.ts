import { sqlAnalyzer } from '../../../src/analyzers/sql/index.js';
import { analyzeText, type FileResult } from '../../../src/core/analyze-file.js';
import type { FileEntry } from '../../../src/core/analyzer.js';
import type { Finding } from '../../../src/core/finding.js';
import { classify } from '../../../src/inventory/classify.js';

/** Runs the SQL analyzer over `code` the way an assessment would, file kind included. */
export function analyzeSqlText(code: string, file = 'model.sql'): FileResult {
  const entry: FileEntry = { path: file, absPath: `/scan-root/${file}`, kind: classify(file, code), size: Buffer.byteLength(code) };
  return analyzeText(entry, code, [sqlAnalyzer].filter((a) => a.required(entry)));
}

/** Findings for `code`, optionally only those of one rule. */
export function scan(code: string, ruleId?: string, file = 'model.sql'): Finding[] {
  const { findings } = analyzeSqlText(code, file);
  return ruleId ? findings.filter((f) => f.ruleId === ruleId) : findings;
}
