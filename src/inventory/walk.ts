import fs from 'node:fs';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import type { FileEntry } from '../core/analyzer.js';
import type { SkipKind, SkippedFile } from '../core/finding.js';
import { classify } from './classify.js';

/** Directories that hold tooling, caches or vendored code rather than the pipeline itself. */
export const DEFAULT_EXCLUDED_DIRS = [
  '.git',
  '.hg',
  '.svn',
  'node_modules',
  '.venv',
  'venv',
  '__pycache__',
  '.tox',
  '.nox',
  '.mypy_cache',
  '.pytest_cache',
  '.ruff_cache',
  '.ipynb_checkpoints',
  '.terraform',
  '.pipewarden',
];

export interface WalkOptions {
  maxFileSize: number;
  /** Extra gitignore-style patterns, relative to the root (from config or --exclude). */
  exclude: string[];
}

export interface WalkResult {
  files: FileEntry[];
  skipped: SkippedFile[];
}

interface IgnoreScope {
  base: string;
  matcher: Ignore;
}

const SNIFF_BYTES = 4096;
const NEEDS_SNIFF = /\.(ya?ml|json|template)$|^[^.]+$/i;

/**
 * Walks `root` without ever leaving it: symlinks are followed only when their target is inside
 * the root, each real path is visited once (so link loops end), and anything that is not a
 * regular file or directory is passed over with a reason.
 */
export function walk(root: string, options: WalkOptions): WalkResult {
  const realRoot = fs.realpathSync(root);
  const files: FileEntry[] = [];
  const skipped: SkippedFile[] = [];
  const visited = new Set<string>([realRoot]);
  const rootScope: IgnoreScope = { base: '', matcher: ignore().add(DEFAULT_EXCLUDED_DIRS.map((d) => `${d}/`)).add(options.exclude) };
  const stack: Array<{ rel: string; scopes: IgnoreScope[] }> = [{ rel: '', scopes: [rootScope] }];

  while (stack.length > 0) {
    const { rel: dirRel, scopes: parentScopes } = stack.pop()!;
    const dirAbs = path.join(realRoot, dirRel);
    let names: string[];
    try {
      names = fs.readdirSync(dirAbs).sort();
    } catch (err) {
      skipped.push({ file: dirRel || '.', kind: 'unreadable', reason: `directory not readable (${errorCode(err)})` });
      continue;
    }
    const scopes = [...parentScopes, ...readIgnoreFiles(dirAbs, dirRel, names, skipped)];
    const subdirs: string[] = [];
    for (const name of names) {
      const rel = dirRel ? `${dirRel}/${name}` : name;
      const abs = path.join(dirAbs, name);
      const target = resolveEntry(abs, realRoot);
      if ('reason' in target) {
        if (!isIgnored(scopes, rel, false)) skipped.push({ file: rel, ...target });
        continue;
      }
      const isDir = target.stat.isDirectory();
      if (isIgnored(scopes, rel, isDir)) continue;
      if (visited.has(target.real)) continue;
      visited.add(target.real);
      if (isDir) {
        subdirs.push(rel);
      } else if (!target.stat.isFile()) {
        skipped.push({ file: rel, kind: 'not-regular', reason: 'not a regular file (device, socket or pipe)' });
      } else if (target.stat.size > options.maxFileSize) {
        skipped.push({ file: rel, kind: 'too-large', reason: `larger than the size limit (${formatBytes(target.stat.size)} > ${formatBytes(options.maxFileSize)})` });
      } else {
        const kind = classify(rel, NEEDS_SNIFF.test(name) ? readHead(target.real) : '');
        files.push({ path: rel, absPath: target.real, kind, size: target.stat.size });
      }
    }
    for (const sub of subdirs.reverse()) stack.push({ rel: sub, scopes });
  }
  files.sort((a, b) => a.path.localeCompare(b.path));
  return { files, skipped };
}

function resolveEntry(abs: string, realRoot: string): { real: string; stat: fs.Stats } | { kind: SkipKind; reason: string } {
  let lst: fs.Stats;
  try {
    lst = fs.lstatSync(abs);
  } catch (err) {
    return { kind: 'unreadable', reason: `cannot stat (${errorCode(err)})` };
  }
  if (!lst.isSymbolicLink()) return { real: abs, stat: lst };
  let real: string;
  try {
    real = fs.realpathSync(abs);
  } catch (err) {
    return { kind: 'broken-link', reason: `broken or looping symlink (${errorCode(err)})` };
  }
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) {
    return { kind: 'link-outside-root', reason: `symlink to outside the scanned root (${real}) not followed` };
  }
  try {
    return { real, stat: fs.statSync(real) };
  } catch (err) {
    return { kind: 'broken-link', reason: `cannot stat symlink target (${errorCode(err)})` };
  }
}

function readIgnoreFiles(dirAbs: string, dirRel: string, names: string[], skipped: SkippedFile[]): IgnoreScope[] {
  const scopes: IgnoreScope[] = [];
  for (const ignoreName of ['.gitignore', '.pipewardenignore']) {
    if (!names.includes(ignoreName)) continue;
    try {
      const text = fs.readFileSync(path.join(dirAbs, ignoreName), 'utf8');
      scopes.push({ base: dirRel, matcher: ignore().add(text) });
    } catch (err) {
      skipped.push({ file: dirRel ? `${dirRel}/${ignoreName}` : ignoreName, kind: 'unreadable', reason: `ignore file not readable (${errorCode(err)})` });
    }
  }
  return scopes;
}

function isIgnored(scopes: IgnoreScope[], rel: string, isDir: boolean): boolean {
  for (const scope of scopes) {
    const local = scope.base ? rel.slice(scope.base.length + 1) : rel;
    if (scope.matcher.ignores(isDir ? `${local}/` : local)) return true;
  }
  return false;
}

function readHead(abs: string): string {
  let fd: number | undefined;
  try {
    fd = fs.openSync(abs, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    const buf = Buffer.alloc(SNIFF_BYTES);
    const n = fs.readSync(fd, buf, 0, SNIFF_BYTES, 0);
    return buf.subarray(0, n).toString('utf8');
  } catch {
    // An unreadable file is reported when an analyzer reads it; classification just falls back.
    return '';
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

function errorCode(err: unknown): string {
  return (err as NodeJS.ErrnoException).code ?? String(err);
}

export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} B`;
}
