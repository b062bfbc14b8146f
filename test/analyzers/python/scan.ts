import { pythonAnalyzer } from '../../../src/analyzers/python/index.js';
import { analyzeText, type FileResult } from '../../../src/core/analyze-file.js';
import type { FileEntry } from '../../../src/core/analyzer.js';
import type { Finding } from '../../../src/core/finding.js';
import { classify } from '../../../src/inventory/classify.js';

/** Runs the Python analyzer over `code` the way an assessment would, file kind included. */
export function analyzePythonText(code: string, file = 'job.py'): FileResult {
  const entry: FileEntry = { path: file, absPath: `/scan-root/${file}`, kind: classify(file, code), size: Buffer.byteLength(code) };
  return analyzeText(entry, code, [pythonAnalyzer].filter((a) => a.required(entry)));
}

/** Findings for `code`, optionally only those of one rule. */
export function scan(code: string, ruleId?: string, file = 'job.py'): Finding[] {
  const { findings } = analyzePythonText(code, file);
  return ruleId ? findings.filter((f) => f.ruleId === ruleId) : findings;
}

/** The lines of indented source, so tests can write Python naturally in template literals. */
export function py(strings: TemplateStringsArray, ...values: unknown[]): string {
  const raw = String.raw({ raw: strings }, ...values);
  const lines = raw.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return lines.map((l) => l.slice(indent)).join('\n');
}
