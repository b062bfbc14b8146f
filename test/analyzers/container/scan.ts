import { dockerfileAnalyzer } from '../../../src/analyzers/container/index.js';
import { analyzeText, type FileResult } from '../../../src/core/analyze-file.js';
import type { FileEntry } from '../../../src/core/analyzer.js';
import { classify } from '../../../src/inventory/classify.js';

/** Runs the Dockerfile analyzer over `code` the way an assessment would, file kind included. */
export function analyzeDockerfileText(code: string, file = 'Dockerfile'): FileResult {
  const entry: FileEntry = { path: file, absPath: `/scan-root/${file}`, kind: classify(file, code), size: Buffer.byteLength(code) };
  return analyzeText(entry, code, [dockerfileAnalyzer].filter((a) => a.required(entry)));
}
