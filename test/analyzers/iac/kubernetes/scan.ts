import { kubernetesAnalyzer } from '../../../../src/analyzers/iac/kubernetes/index.js';
import { analyzeText, type FileResult } from '../../../../src/core/analyze-file.js';
import type { FileEntry } from '../../../../src/core/analyzer.js';
import { classify } from '../../../../src/inventory/classify.js';

/** Runs the Kubernetes analyzer over `code` the way an assessment would, file kind included. */
export function analyzeManifestText(code: string, file = 'k8s/manifest.yaml'): FileResult {
  const entry: FileEntry = { path: file, absPath: `/scan-root/${file}`, kind: classify(file, code.slice(0, 4096)), size: Buffer.byteLength(code) };
  return analyzeText(entry, code, [kubernetesAnalyzer].filter((a) => a.required(entry)));
}
