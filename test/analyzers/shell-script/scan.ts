import { shellScriptAnalyzer } from '../../../src/analyzers/shell-script/index.js';
import { analyzeText, type FileResult } from '../../../src/core/analyze-file.js';
import type { FileEntry } from '../../../src/core/analyzer.js';
import { classify } from '../../../src/inventory/classify.js';

/** Runs the shell-script analyzer over `code` the way an assessment would, file kind included. */
export function analyzeShellText(code: string, file = 'run.sh'): FileResult {
  const entry: FileEntry = { path: file, absPath: `/scan-root/${file}`, kind: classify(file, code), size: Buffer.byteLength(code) };
  return analyzeText(entry, code, [shellScriptAnalyzer].filter((a) => a.required(entry)));
}
