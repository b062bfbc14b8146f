import type { RawFinding } from '../../../core/analyzer.js';
import { assignFingerprints } from '../../../core/fingerprint.js';
import type { Finding } from '../../../core/finding.js';
import type { SourceText } from '../../../core/source-text.js';

/**
 * Fingerprinted findings of rules run over several resource sets, each written line reported once
 * (a module called from two places yields the same finding for each call).
 */
export function findingsOnce(raw: readonly RawFinding[], sourceOf: (file: string) => SourceText): Finding[] {
  const seen = new Set<string>();
  const byFile = new Map<string, RawFinding[]>();
  for (const finding of raw) {
    const key = `${finding.ruleId}:${finding.location.file}:${finding.location.startLine}:${finding.location.startColumn}`;
    if (seen.has(key)) continue;
    seen.add(key);
    byFile.set(finding.location.file, [...(byFile.get(finding.location.file) ?? []), finding]);
  }
  return [...byFile].flatMap(([file, findings]) => assignFingerprints(findings, sourceOf(file)));
}
