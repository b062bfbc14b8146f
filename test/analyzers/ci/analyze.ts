import { analyzeText, type FileResult } from '../../../src/core/analyze-file.js';
import type { FileAnalyzer, FileEntry } from '../../../src/core/analyzer.js';
import { classify } from '../../../src/inventory/classify.js';

/** Runs one CI analyzer over `code` the way an assessment would, file kind included; nothing when it does not take the file. */
export function analyzeCiText(analyzer: FileAnalyzer, code: string, file: string): FileResult {
  const entry: FileEntry = { path: file, absPath: `/scan-root/${file}`, kind: classify(file, code), size: Buffer.byteLength(code) };
  return analyzeText(entry, code, [analyzer].filter((a) => a.required(entry)));
}
