import { createHash } from 'node:crypto';
import type { RawFinding } from './analyzer.js';
import type { Finding } from './finding.js';
import type { SourceText } from './source-text.js';

/**
 * Fingerprints name a finding by what it is, not where it is: rule, file, the code on its line
 * (whitespace-insensitive) and which occurrence of that same code it is. Inserting or deleting
 * unrelated lines moves a finding without changing its fingerprint.
 */
export function assignFingerprints(raw: RawFinding[], source: SourceText): Finding[] {
  const seen = new Map<string, number>();
  // Many findings can share one (possibly huge) line: normalise each line once.
  const codeOf = new Map<number, string>();
  const ordered = [...raw].sort((a, b) => a.location.startLine - b.location.startLine || a.location.startColumn - b.location.startColumn);
  return ordered.map((finding) => {
    const line = finding.location.startLine;
    let code = codeOf.get(line);
    if (code === undefined) {
      code = createHash('sha256').update(source.line(line).replace(/\s+/g, ' ').trim()).digest('hex');
      codeOf.set(line, code);
    }
    const key = `${finding.ruleId}\u0000${finding.location.file}\u0000${code}`;
    const occurrence = seen.get(key) ?? 0;
    seen.set(key, occurrence + 1);
    const fingerprint = createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex').slice(0, 32);
    return { ...finding, fingerprint };
  });
}

/**
 * A fingerprint from what a finding is about rather than from a line of code: for findings of
 * project analyzers (a vulnerable package in a lockfile), whose identity is a name, not a line.
 */
export function stableFingerprint(ruleId: string, file: string, key: string): string {
  return createHash('sha256').update(`${ruleId}\u0000${file}\u0000${key}`).digest('hex').slice(0, 32);
}
