import { appConfigAnalyzer } from '../../../src/analyzers/app-config/index.js';
import { analyzeText, type FileResult } from '../../../src/core/analyze-file.js';
import type { FileEntry } from '../../../src/core/analyzer.js';
import { classify } from '../../../src/inventory/classify.js';

/** Runs the service configuration analyzer over `code` the way an assessment would, file kind included. */
export function analyzeAppConfigText(code: string, file = 'airflow.cfg'): FileResult {
  const entry: FileEntry = { path: file, absPath: `/scan-root/${file}`, kind: classify(file, code), size: Buffer.byteLength(code) };
  return analyzeText(entry, code, [appConfigAnalyzer].filter((a) => a.required(entry)));
}
