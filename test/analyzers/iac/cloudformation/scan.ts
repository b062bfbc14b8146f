import { cloudFormationAnalyzer } from '../../../../src/analyzers/iac/cloudformation/index.js';
import { analyzeText, type FileResult } from '../../../../src/core/analyze-file.js';
import type { FileEntry } from '../../../../src/core/analyzer.js';
import { classify } from '../../../../src/inventory/classify.js';

/** Runs the CloudFormation analyzer over `code` the way an assessment would, classification included. */
export function scanTemplate(code: string, file = 'template.yaml'): FileResult {
  const entry: FileEntry = { path: file, absPath: `/scan-root/${file}`, kind: classify(file, code), size: Buffer.byteLength(code) };
  return analyzeText(entry, code, [cloudFormationAnalyzer].filter((a) => a.required(entry)));
}
