import { airflowConfigAnalyzer } from '../../../src/analyzers/airflow-config/index.js';
import { analyzeText, type FileResult } from '../../../src/core/analyze-file.js';
import type { FileEntry } from '../../../src/core/analyzer.js';
import { classify } from '../../../src/inventory/classify.js';

/** Runs the Airflow configuration analyzer over `code` the way an assessment would, file kind included. */
export function analyzeAirflowText(code: string, file = 'airflow.cfg'): FileResult {
  const entry: FileEntry = { path: file, absPath: `/scan-root/${file}`, kind: classify(file, code), size: Buffer.byteLength(code) };
  return analyzeText(entry, code, [airflowConfigAnalyzer].filter((a) => a.required(entry)));
}
