import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { FileAnalyzer, FileEntry, RawFinding, SourceFile } from './analyzer.js';
import { assignFingerprints } from './fingerprint.js';
import { redactDeep, redactFindings } from '../analyzers/secrets/redact.js';
import type { Finding, ScanError } from './finding.js';
import { SourceText } from './source-text.js';
import { inlineIgnoresFor, type InlineIgnore } from './suppress/inline.js';

/** What analysing one file yields; plain data, so it can cross threads and sit in the cache. */
export interface FileResult {
  findings: Finding[];
  errors: ScanError[];
  ignores: InlineIgnore[];
  lines: number;
  /** Facts per analyzer name, for project analyzers. */
  facts: Record<string, unknown>;
  /** The exact version of the file that was analysed, for the result cache. */
  identity?: FileIdentity;
}

export interface FileIdentity {
  size: number;
  mtimeMs: number;
  contentHash: string;
}

const BINARY_SNIFF = 8192;
/**
 * Facts that hold no secret and must stay whole: image references (deployed images, containers code
 * starts), which registries publish and the image checks match by name (`POSTGRES_PASSWORD:
 * postgres` would otherwise hide `postgres:11`).
 */
const PUBLIC_FACTS: ReadonlySet<string> = new Set(['images', 'containers']);

/** Reads one file and runs the given analyzers on it; never throws. */
export function analyzeFile(entry: FileEntry, analyzers: FileAnalyzer[]): FileResult {
  let bytes: Buffer;
  let identity: FileIdentity;
  try {
    // Stat and read through one descriptor so the identity describes the bytes analysed.
    const fd = fs.openSync(entry.absPath, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    try {
      const stat = fs.fstatSync(fd);
      if (!stat.isFile()) return failed(entry, 'not a regular file');
      bytes = fs.readFileSync(fd);
      identity = { size: stat.size, mtimeMs: stat.mtimeMs, contentHash: hashBytes(bytes) };
    } finally {
      fs.closeSync(fd);
    }
  } catch (err) {
    return failed(entry, `cannot read file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  // Binary analyzers get the bytes as read; only the others need the file to decode as text.
  const binary = analyzers.filter((a) => a.binary === true);
  const textual = analyzers.filter((a) => a.binary !== true);
  const results = binary.length > 0 ? [runAnalyzers(entry, { text: '', bytes }, binary)] : [];
  if (textual.length > 0 || binary.length === 0) {
    const text = decode(bytes);
    if (typeof text === 'string') results.push(analyzeText(entry, text, textual));
    // A file no language claims that holds binary content (an image, a compiled module) has no
    // text to scan: like gitleaks and Trivy, pass over it rather than call it a scan error.
    else if (!(text.binary && entry.kind === 'other')) results.push(failed(entry, text.problem));
  }
  return { ...results.reduce(merge, NOTHING), identity };
}

export function hashBytes(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Runs analyzers over already-decoded text: an analyzer that throws becomes a scan error. */
export function analyzeText(entry: FileEntry, text: string, analyzers: FileAnalyzer[]): FileResult {
  return runAnalyzers(entry, { text }, analyzers);
}

function runAnalyzers(entry: FileEntry, content: Pick<SourceFile, 'text' | 'bytes'>, analyzers: FileAnalyzer[]): FileResult {
  const { text } = content;
  const raw: RawFinding[] = [];
  const secrets: string[] = [];
  const errors: ScanError[] = [];
  const facts: Record<string, unknown> = {};
  for (const analyzer of analyzers) {
    try {
      const output = analyzer.analyze({ ...entry, ...content });
      raw.push(...output.findings);
      secrets.push(...(output.redact ?? []));
      if (output.facts !== undefined) facts[analyzer.name] = output.facts;
      for (const problem of output.problems) errors.push({ file: entry.path, analyzer: analyzer.name, message: problem });
    } catch (err) {
      errors.push({ file: entry.path, analyzer: analyzer.name, message: `analyzer failed: ${describe(err)}` });
    }
  }
  const source = new SourceText(text);
  const findings = assignFingerprints(redactFindings(raw, secrets), source);
  return {
    findings,
    errors,
    ignores: inlineIgnoresFor(
      source,
      findings.map((f) => f.location.startLine),
    ),
    lines: source.lineCount,
    facts: redactDeep(facts, secrets, PUBLIC_FACTS),
  };
}

function decode(bytes: Buffer): string | { problem: string; binary?: true } {
  if (bytes.subarray(0, BINARY_SNIFF).includes(0)) return { problem: 'binary content (NUL bytes) in a file that should be text', binary: true };
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const declared = declaredEncoding(bytes);
    if (declared) return declared;
    return { problem: `not valid UTF-8 and no encoding declared (first bad byte at offset ${firstInvalidUtf8(bytes)})` };
  }
}

/** PEP 263: a `coding:` comment in the first two lines names the file's encoding. */
function declaredEncoding(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 512).toString('latin1').split('\n').slice(0, 2).join('\n');
  const label = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/m.exec(head)?.[1];
  if (!label) return undefined;
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return undefined;
  }
}

function firstInvalidUtf8(bytes: Buffer): number {
  let lo = 0;
  let hi = bytes.length;
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // Binary search on prefixes; a prefix that cuts a valid multi-byte sequence also fails, so
  // the answer may point up to 3 bytes early, which is close enough to find it in an editor.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    try {
      decoder.decode(bytes.subarray(0, mid));
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}

const NOTHING: FileResult = { findings: [], errors: [], ignores: [], lines: 0, facts: {} };

/** One file's results from its binary and its text analyzers together. */
function merge(a: FileResult, b: FileResult): FileResult {
  return {
    findings: [...a.findings, ...b.findings],
    errors: [...a.errors, ...b.errors],
    ignores: [...a.ignores, ...b.ignores],
    lines: Math.max(a.lines, b.lines),
    facts: { ...a.facts, ...b.facts },
  };
}

function failed(entry: FileEntry, message: string): FileResult {
  return { findings: [], errors: [{ file: entry.path, message }], ignores: [], lines: 0, facts: {} };
}

function describe(err: unknown): string {
  if (err instanceof RangeError && /call stack/i.test(err.message)) return 'input nested too deeply to analyse';
  return err instanceof Error ? err.message : String(err);
}
