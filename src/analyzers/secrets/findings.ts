import type { AnalyzerOutput, RawFinding } from '../../core/analyzer.js';
import { LineIndex } from '../sql/lines.js';
import { type SecretHit, SecretScanner } from './engine.js';
import { redact, redactRange } from './redact.js';
import { secretRules } from './rules/index.js';

const MAX_SNIPPET = 200;

export const secretScanner = new SecretScanner(secretRules);

/** Where a finding came from when it is not the working tree: a blob of an earlier commit. */
export interface Provenance {
  /** Added to the message, e.g. "in commit 1a2b3c4 (since removed)". */
  note: string;
}

/**
 * Findings for the credentials in `text` (neither message nor snippet holds a secret), and the
 * raw values for the other analyzers' findings on the same file to be redacted of.
 */
export function secretFindings(file: string, text: string): AnalyzerOutput {
  const hits = secretScanner.scan(text, file);
  return { findings: findingsFor(file, text, hits), problems: [], redact: [...new Set(hits.map((h) => h.secret))] };
}

/**
 * Findings for `reported` (by default every hit); snippets are redacted of all `hits` in the
 * text, reported or not, so a line holding two secrets shows neither.
 */
export function findingsFor(file: string, text: string, hits: SecretHit[], provenance?: Provenance, reported: SecretHit[] = hits): RawFinding[] {
  if (reported.length === 0) return [];
  const lines = new LineIndex(text);
  const secrets = [...new Set(hits.map((h) => h.secret))];
  return reported.map((hit) => {
    const from = lines.position(hit.start);
    const to = lines.position(hit.end);
    const lineStart = hit.start - (from.column - 1);
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const line = redactRange(text, lineStart, lineEnd, hits, secrets).trim();
    return {
      ruleId: hit.rule.id,
      title: hit.rule.title,
      message: messageOf(hit, provenance),
      severity: hit.severity,
      confidence: hit.confidence,
      cwe: hit.rule.cwe,
      category: hit.rule.category,
      location: {
        file,
        startLine: from.line,
        startColumn: from.column,
        endLine: to.line,
        endColumn: to.column,
        snippet: line.length > MAX_SNIPPET ? `${line.slice(0, MAX_SNIPPET)}…` : line,
      },
      remediation: hit.rule.remediation,
    };
  });
}

function messageOf(hit: SecretHit, provenance: Provenance | undefined): string {
  const parts = [`${hit.rule.title}: ${redact(hit.secret)}`];
  if (hit.detail) parts.push(`(${hit.detail})`);
  if (provenance) parts.push(provenance.note);
  if (hit.reason) parts.push(`— down-ranked: ${hit.reason}`);
  return parts.join(' ');
}
