import { notebookAnalyzer } from '../../../src/analyzers/notebook/index.js';
import { analyzeText, type FileResult } from '../../../src/core/analyze-file.js';
import type { FileEntry } from '../../../src/core/analyzer.js';
import type { Finding } from '../../../src/core/finding.js';

export { errorOutput, exampleNotebook as notebook, resultOutput, streamOutput } from '../../../src/analyzers/notebook/example-notebook.js';

/** Runs the notebook analyzer over `json` the way an assessment would. */
export function scanNotebook(json: string, file = 'explore.ipynb'): FileResult {
  const entry: FileEntry = { path: file, absPath: `/scan-root/${file}`, kind: 'notebook', size: Buffer.byteLength(json) };
  return analyzeText(entry, json, [notebookAnalyzer]);
}

/** Findings for a notebook, optionally only those of one rule. */
export function findingsOf(json: string, ruleId?: string): Finding[] {
  const { findings } = scanNotebook(json);
  return ruleId ? findings.filter((f) => f.ruleId === ruleId) : findings;
}

/** Line `n` (1-based) of the raw notebook text. */
export function rawLine(json: string, n: number): string {
  return json.split('\n')[n - 1] ?? '';
}
