import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { Finding } from '../finding.js';

export const BASELINE_FILE = '.pipewarden-baseline.json';

interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  file: string;
}

interface BaselineDocument {
  version: 1;
  createdAt: string;
  findings: BaselineEntry[];
}

/** Writes the fingerprints of `findings` so that later runs report only what is new. */
export function writeBaseline(file: string, findings: Finding[], now: Date): void {
  const doc: BaselineDocument = {
    version: 1,
    createdAt: now.toISOString(),
    findings: findings
      .map((f) => ({ fingerprint: f.fingerprint, ruleId: f.ruleId, file: f.location.file }))
      .sort((a, b) => a.file.localeCompare(b.file) || a.ruleId.localeCompare(b.ruleId) || a.fingerprint.localeCompare(b.fingerprint)),
  };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(doc, null, 2) + '\n');
  fs.renameSync(tmp, file);
}

/** Fingerprints in the baseline file, or undefined when there is none. */
export function readBaseline(file: string): Set<string> | undefined {
  if (!fs.existsSync(file)) return undefined;
  let doc: BaselineDocument;
  try {
    doc = JSON.parse(fs.readFileSync(file, 'utf8')) as BaselineDocument;
  } catch (err) {
    throw new UsageError(`${file}: not a valid baseline (${(err as Error).message})`);
  }
  if (doc?.version !== 1 || !Array.isArray(doc.findings)) throw new UsageError(`${file}: not a pipewarden baseline (version 1)`);
  return new Set(doc.findings.map((f) => f.fingerprint));
}
