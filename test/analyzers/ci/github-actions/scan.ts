import { githubActionsAnalyzer } from '../../../../src/analyzers/ci/github-actions/index.js';
import { analyzeText, type FileResult } from '../../../../src/core/analyze-file.js';
import type { FileEntry } from '../../../../src/core/analyzer.js';
import { classify } from '../../../../src/inventory/classify.js';

/** Runs the GitHub Actions analyzer over `code` the way an assessment would, file kind included. */
export function analyzeWorkflowText(code: string, file = '.github/workflows/ci.yml'): FileResult {
  const entry: FileEntry = { path: file, absPath: `/scan-root/${file}`, kind: classify(file, code.slice(0, 4096)), size: Buffer.byteLength(code) };
  return analyzeText(entry, code, [githubActionsAnalyzer].filter((a) => a.required(entry)));
}
