import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import type { Finding } from '../finding.js';
import { loadYamlFile } from '../yaml-file.js';

export const IGNORE_FILE = '.pipewarden-ignore.yml';

/** One entry of the ignore file: what it matches (any of rule, path, fingerprint) and why. */
export interface IgnoreEntry {
  rule?: string;
  path?: string;
  fingerprint?: string;
  reason: string;
  /** YYYY-MM-DD; from that day on the entry no longer applies. */
  expires?: string;
}

const ENTRY_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['reason'],
  anyOf: [{ required: ['rule'] }, { required: ['path'] }, { required: ['fingerprint'] }],
  properties: {
    rule: { type: 'string', minLength: 1, description: 'rule id, or a glob such as py.deserialization.*' },
    path: { type: 'string', minLength: 1, description: 'glob over paths relative to the scanned root' },
    fingerprint: { type: 'string', pattern: '^[0-9a-f]{32}$' },
    reason: { type: 'string', minLength: 1 },
    expires: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' },
  },
};

export const IGNORE_FILE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['suppressions'],
  properties: { suppressions: { type: 'array', items: ENTRY_SCHEMA } },
};

export function loadIgnoreFile(root: string, explicit?: string): IgnoreEntry[] {
  const file = path.resolve(root, explicit ?? IGNORE_FILE);
  if (!fs.existsSync(file)) return [];
  return loadYamlFile<{ suppressions: IgnoreEntry[] }>(file, path.relative(root, file) || file, IGNORE_FILE_SCHEMA).suppressions;
}

export function isExpired(entry: IgnoreEntry, today: string): boolean {
  return entry.expires !== undefined && entry.expires <= today;
}

/** A matcher for one entry: every criterion it names must hold. */
export function entryMatcher(entry: IgnoreEntry): (finding: Finding) => boolean {
  const ruleMatches = entry.rule ? picomatch(entry.rule, { dot: true }) : undefined;
  const pathMatches = entry.path ? picomatch(entry.path, { dot: true }) : undefined;
  return (finding) =>
    (!ruleMatches || ruleMatches(finding.ruleId)) &&
    (!pathMatches || pathMatches(finding.location.file)) &&
    (!entry.fingerprint || entry.fingerprint === finding.fingerprint);
}

export function describeEntry(entry: IgnoreEntry): string {
  const parts = [entry.rule && `rule ${entry.rule}`, entry.path && `path ${entry.path}`, entry.fingerprint && `fingerprint ${entry.fingerprint}`];
  return parts.filter(Boolean).join(', ');
}
