import { secretsAnalyzer } from '../../../src/analyzers/secrets/index.js';
import { analyzeText, type FileResult } from '../../../src/core/analyze-file.js';
import type { FileEntry } from '../../../src/core/analyzer.js';
import type { Finding } from '../../../src/core/finding.js';
import { classify } from '../../../src/inventory/classify.js';

/** Runs the secrets analyzer over `text` the way an assessment would (fingerprints, inline ignores). */
export function analyzeSecrets(text: string, file = 'config/settings.py'): FileResult {
  const entry: FileEntry = { path: file, absPath: `/scan-root/${file}`, kind: classify(file, text), size: Buffer.byteLength(text) };
  return analyzeText(entry, text, [secretsAnalyzer].filter((a) => a.required(entry)));
}

/** Findings for `text`, optionally only those of one rule. */
export function scanSecrets(text: string, ruleId?: string, file?: string): Finding[] {
  const { findings } = analyzeSecrets(text, file);
  return ruleId ? findings.filter((f) => f.ruleId === ruleId) : findings;
}
