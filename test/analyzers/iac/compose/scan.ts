import { composeAnalyzer } from '../../../../src/analyzers/iac/compose/index.js';
import { analyzeText, type FileResult } from '../../../../src/core/analyze-file.js';
import type { FileEntry } from '../../../../src/core/analyzer.js';
import { classify } from '../../../../src/inventory/classify.js';

/** Runs the Compose analyzer over `code` the way an assessment would, file kind included. */
export function analyzeComposeText(code: string, file = 'docker-compose.yml'): FileResult {
  const entry: FileEntry = { path: file, absPath: `/scan-root/${file}`, kind: classify(file, code.slice(0, 4096)), size: Buffer.byteLength(code) };
  return analyzeText(entry, code, [composeAnalyzer].filter((a) => a.required(entry)));
}
