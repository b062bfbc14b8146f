import { javascriptAnalyzer } from '../../../src/analyzers/javascript/index.js';
import { analyzeText, type FileResult } from '../../../src/core/analyze-file.js';
import type { FileEntry } from '../../../src/core/analyzer.js';
import type { Finding } from '../../../src/core/finding.js';
import { classify } from '../../../src/inventory/classify.js';

/** Runs the JavaScript analyzer over `code` the way an assessment would, file kind included. */
export function analyzeScriptText(code: string, file = 'job.js'): FileResult {
  const entry: FileEntry = { path: file, absPath: `/scan-root/${file}`, kind: classify(file, code), size: Buffer.byteLength(code) };
  return analyzeText(entry, code, [javascriptAnalyzer].filter((a) => a.required(entry)));
}

/** Findings for `code`, optionally only those of one rule. */
export function scan(code: string, ruleId?: string, file = 'job.js'): Finding[] {
  const { findings } = analyzeScriptText(code, file);
  return ruleId ? findings.filter((f) => f.ruleId === ruleId) : findings;
}
