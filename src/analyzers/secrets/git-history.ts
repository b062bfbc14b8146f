import { spawn, spawnSync } from 'node:child_process';
import type { ProjectAnalyzer, ProjectContext, ProjectOutput } from '../../core/analyzer.js';
import type { Finding, ScanError } from '../../core/finding.js';
import { stableFingerprint } from '../../core/fingerprint.js';
import type { SecretHit } from './engine.js';
import { findingsFor, secretScanner } from './findings.js';

const ANALYZER = 'secrets-history';
const ZERO_SHA = /^0+$/;
const BINARY_SNIFF = 8192;
const SHORT_SHA = 10;

/** A blob of the history and where it first appeared. */
interface BlobVersion {
  sha: string;
  /** Relative to the scanned root. */
  path: string;
  commit: string;
}

/**
 * With `--git-history`: every blob of every commit reachable from HEAD is scanned, and secrets
 * that are no longer in the current tree are reported (a secret deleted in a later commit is
 * still leaked — anyone with a clone has it). Each is reported once per (path, detector,
 * secret), at the commit that first added it. Git is run as a tool; nothing scanned is run.
 */
export const secretsHistoryAnalyzer: ProjectAnalyzer = {
  name: ANALYZER,
  category: 'secrets',
  rules: [],
  usesFactsFrom: [],
  analyze: async (ctx: ProjectContext): Promise<ProjectOutput> => {
    const settings = ctx.settings.secrets;
    if (!settings?.gitHistory) return { findings: [], errors: [], notices: [] };
    return scanGitHistory(ctx.root, settings.maxBlobSize);
  },
};

export async function scanGitHistory(root: string, maxBlobSize: number): Promise<ProjectOutput> {
  const prefix = git(root, ['rev-parse', '--show-prefix']);
  if ('error' in prefix) return failure(`--git-history: ${prefix.error}`);
  const head = git(root, ['ls-tree', '-r', '--full-tree', 'HEAD']);
  if ('error' in head) return failure(`--git-history: ${head.error}`);
  const log = git(root, ['log', 'HEAD', '--reverse', '--raw', '--no-abbrev', '--no-renames', '--root', '-m', '--format=%x01%H']);
  if ('error' in log) return failure(`--git-history: ${log.error}`);

  const under = prefix.out.trim();
  const currentBlobs = new Map(parseTree(head.out, under).map((b) => [b.sha, b.path]));
  const versions = parseLog(log.out, under).filter((v) => !currentBlobs.has(v.sha));
  const sizes = await blobSizes(root, [...currentBlobs.keys(), ...versions.map((v) => v.sha)]);
  const wanted = (sha: string) => (sizes.get(sha) ?? Infinity) <= maxBlobSize;

  // Secrets still in the current tree are the working-tree scan's to report.
  const current = new Set<string>();
  const currentShas = [...currentBlobs.keys()].filter(wanted);
  await readBlobs(root, currentShas, (sha, bytes) => {
    const text = textOf(bytes);
    if (text !== undefined) for (const hit of secretScanner.scan(text, currentBlobs.get(sha)!)) current.add(keyOf(hit));
  });

  const byBlob = new Map(versions.filter((v) => wanted(v.sha)).map((v) => [v.sha, v]));
  const reported = new Set<string>();
  const findings: Finding[] = [];
  await readBlobs(root, [...byBlob.keys()], (sha, bytes) => {
    const version = byBlob.get(sha)!;
    const text = textOf(bytes);
    if (text === undefined) return;
    const hits = secretScanner.scan(text, version.path);
    const gone = hits.filter((hit) => {
      const key = `${version.path}\u0000${keyOf(hit)}`;
      if (current.has(keyOf(hit)) || reported.has(key)) return false;
      reported.add(key);
      return true;
    });
    findings.push(...historyFindings(version, text, hits, gone));
  });
  const notices = [`git history: scanned ${byBlob.size} earlier blob version(s) reachable from HEAD`];
  return { findings, errors: [], notices };
}

function historyFindings(version: BlobVersion, text: string, hits: SecretHit[], gone: SecretHit[]): Finding[] {
  const short = version.commit.slice(0, SHORT_SHA);
  const provenance = { note: `in commit ${short}, no longer in the current tree (still in the git history)` };
  return findingsFor(version.path, text, hits, provenance, gone).map((raw) => ({
    ...raw,
    trace: [{ file: version.path, line: raw.location.startLine, label: `added in commit ${version.commit} (blob ${version.sha.slice(0, SHORT_SHA)})` }],
    fingerprint: stableFingerprint(raw.ruleId, raw.location.file, `${version.commit}:${raw.location.startLine}:${raw.location.startColumn}`),
  }));
}

/** Identity of a secret for de-duplication: the detector and the value (kept in memory only). */
function keyOf(hit: SecretHit): string {
  return `${hit.rule.id}\u0000${hit.secret}`;
}

function textOf(bytes: Buffer): string | undefined {
  if (bytes.subarray(0, BINARY_SNIFF).includes(0)) return undefined;
  return bytes.toString('utf8');
}

function git(cwd: string, args: string[]): { out: string } | { error: string } {
  const run = spawnSync('git', ['-c', 'core.quotePath=off', ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.error) return { error: `cannot run git (${(run.error as NodeJS.ErrnoException).code ?? run.error.message})` };
  if (run.status !== 0) return { error: `git ${args[0]} failed: ${run.stderr.trim().split('\n')[0] ?? ''}` };
  return { out: run.stdout };
}

/** `<mode> blob <sha>\t<path>` lines of ls-tree, blobs under the scanned root only. */
function parseTree(out: string, under: string): Array<{ sha: string; path: string }> {
  const blobs: Array<{ sha: string; path: string }> = [];
  for (const line of out.split('\n')) {
    const tab = line.indexOf('\t');
    const [, type, sha] = line.slice(0, tab).split(' ');
    const path = relativeTo(unquote(line.slice(tab + 1)), under);
    if (type === 'blob' && sha && path !== undefined) blobs.push({ sha, path });
  }
  return blobs;
}

/** The first commit (oldest first) in which each blob appeared, and the path it appeared at. */
function parseLog(out: string, under: string): BlobVersion[] {
  const versions = new Map<string, BlobVersion>();
  let commit = '';
  for (const line of out.split('\n')) {
    if (line.startsWith('\u0001')) {
      commit = line.slice(1).trim();
      continue;
    }
    if (!line.startsWith(':')) continue;
    const tab = line.indexOf('\t');
    const [, , , sha, status] = line.slice(0, tab).split(' ');
    const path = relativeTo(unquote(line.slice(tab + 1)), under);
    if (!sha || ZERO_SHA.test(sha) || status === 'D' || path === undefined || versions.has(sha)) continue;
    versions.set(sha, { sha, path, commit });
  }
  return [...versions.values()];
}

function relativeTo(path: string, under: string): string | undefined {
  if (under === '') return path;
  return path.startsWith(under) ? path.slice(under.length) : undefined;
}

/** Git quotes paths with control characters, quotes or backslashes C-style even with quotePath off. */
function unquote(path: string): string {
  if (!path.startsWith('"')) return path;
  const bytes: number[] = [];
  const inner = path.slice(1, -1);
  const escapes: Record<string, number> = { n: 10, t: 9, r: 13, a: 7, b: 8, f: 12, v: 11, '"': 34, '\\': 92 };
  for (let i = 0; i < inner.length; i++) {
    const ch = inner[i]!;
    if (ch !== '\\') {
      bytes.push(...Buffer.from(ch, 'utf8'));
    } else if (/[0-7]/.test(inner[i + 1] ?? '')) {
      bytes.push(parseInt(inner.slice(i + 1, i + 4), 8));
      i += 3;
    } else {
      bytes.push(escapes[inner[i + 1]!] ?? inner.charCodeAt(i + 1));
      i += 1;
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

async function blobSizes(root: string, shas: string[]): Promise<Map<string, number>> {
  const sizes = new Map<string, number>();
  const out = await runWithInput(root, ['cat-file', '--batch-check'], shas);
  for (const line of out.toString('utf8').split('\n')) {
    const [sha, type, size] = line.split(' ');
    if (sha && type === 'blob') sizes.set(sha, Number(size));
  }
  return sizes;
}

/** Streams `git cat-file --batch`, handing each blob's bytes to `onBlob` as soon as it is complete. */
function readBlobs(root: string, shas: string[], onBlob: (sha: string, bytes: Buffer) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    if (shas.length === 0) return resolve();
    const child = spawn('git', ['cat-file', '--batch'], { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    let pending: Buffer = Buffer.alloc(0);
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      for (;;) {
        const newline = pending.indexOf(10);
        if (newline === -1) return;
        const [sha, type, size] = pending.subarray(0, newline).toString('utf8').split(' ');
        if (type === 'missing') {
          pending = pending.subarray(newline + 1);
          continue;
        }
        const length = Number(size);
        if (pending.length < newline + 1 + length + 1) return;
        onBlob(sha!, pending.subarray(newline + 1, newline + 1 + length));
        pending = pending.subarray(newline + 1 + length + 1);
      }
    });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`git cat-file failed: ${stderr.trim()}`))));
    child.stdin.end(`${shas.join('\n')}\n`);
  });
}

function runWithInput(root: string, args: string[], lines: string[]): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => chunks.push(d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(Buffer.concat(chunks)) : reject(new Error(`git ${args[0]} failed with exit code ${code}`))));
    child.stdin.end(`${lines.join('\n')}\n`);
  });
}

function failure(message: string): ProjectOutput {
  const error: ScanError = { file: '.', analyzer: ANALYZER, message };
  return { findings: [], errors: [error], notices: [] };
}
