import { iamAnalyzer } from '../../../src/analyzers/iam/index.js';
import { analyzeText, type FileResult } from '../../../src/core/analyze-file.js';
import type { FileEntry } from '../../../src/core/analyzer.js';
import { classify } from '../../../src/inventory/classify.js';

/** Runs the IAM analyzer over `code` the way an assessment would, file kind included. */
export function analyzePolicyText(code: string, file = 'policies/etl.json'): FileResult {
  const entry: FileEntry = { path: file, absPath: `/scan-root/${file}`, kind: classify(file, code), size: Buffer.byteLength(code) };
  return analyzeText(entry, code, [iamAnalyzer].filter((a) => a.required(entry)));
}
