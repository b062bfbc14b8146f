import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { finishAtExit, ownerIsGone } from './leftovers.js';
import type { OutputFile, SandboxFile } from './types.js';

/** The fresh directories of one run: `work` is the only place the run may write. */
export interface WorkDir {
  root: string;
  work: string;
  home: string;
  tmp: string;
}

const SANDBOX_PREFIX = 'pipewarden-sandbox-';
const REMOVING_PREFIX = 'pipewarden-removing-';
/** A run's directory is named after the pipewarden that made it, so that a later one can tell it was abandoned. */
const OWNED_RUN_DIR = /^pipewarden-sandbox-(\d+)-/;
let firstRun = true;

export function createWorkDir(): WorkDir {
  if (firstRun) {
    firstRun = false;
    removeAbandonedWorkDirs();
  }
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `${SANDBOX_PREFIX}${process.pid}-`));
  const work = path.join(root, 'work');
  const dirs = { root, work, home: path.join(work, '.home'), tmp: path.join(work, '.tmp') };
  fs.mkdirSync(dirs.home, { recursive: true });
  fs.mkdirSync(dirs.tmp, { recursive: true });
  return dirs;
}

/** Work directories taken away from their runs and still being deleted; finished before pipewarden exits. */
const removing = new Set<string>();

/**
 * Takes a run's directory away at once (a rename) and deletes it in the background: on some
 * disks (ext4 with online discard) every rmdir costs milliseconds, which would delay each result.
 */
export function removeWorkDir(root: string): void {
  const doomed = path.join(path.dirname(root), REMOVING_PREFIX + path.basename(root).slice(SANDBOX_PREFIX.length));
  try {
    fs.renameSync(root, doomed);
  } catch {
    fs.rmSync(root, { recursive: true, force: true });
    return;
  }
  finishAtExit(removing, (pending) => fs.rmSync(pending, { recursive: true, force: true }));
  removing.add(doomed);
  fs.rm(doomed, { recursive: true, force: true }, () => removing.delete(doomed));
}

/**
 * Directories a killed pipewarden left behind: those it had renamed for removal (any process may
 * finish that job) and the run directories of a pipewarden that no longer runs.
 */
function removeAbandonedWorkDirs(): void {
  for (const name of fs.readdirSync(os.tmpdir())) {
    if (name.startsWith(REMOVING_PREFIX) || ownerIsGone(name, OWNED_RUN_DIR)) {
      fs.rm(path.join(os.tmpdir(), name), { recursive: true, force: true }, () => {});
    }
  }
}

/** Resolves a relative sandbox path, refusing one that would land outside the working directory. */
export function insideWork(work: string, relative: string): string {
  const resolved = path.resolve(work, relative);
  if (resolved !== work && !resolved.startsWith(work + path.sep)) {
    throw new Error(`sandbox path escapes the working directory: ${relative}`);
  }
  return resolved;
}

export function placeFiles(work: string, files: SandboxFile[]): void {
  for (const file of files) {
    const target = insideWork(work, file.path);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (file.source !== undefined) fs.cpSync(file.source, target, { recursive: true });
    else fs.writeFileSync(target, file.content ?? '');
  }
}

/** Every regular file under `dir`, relative to it, in sorted order; symlinks are not followed. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (abs: string, rel: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(abs, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const childRel = rel ? `${rel}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(path.join(abs, entry.name), childRel);
      else out.push(childRel);
    }
  };
  walk(dir, '');
  return out;
}

/** Reads the output back (a file, or every file of a directory) up to `maxBytes` in all. */
export function readOutput(outputPath: string, maxBytes: number): { files: OutputFile[]; truncated: boolean } {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(outputPath);
  } catch {
    return { files: [], truncated: false };
  }
  const names = stat.isDirectory() ? listFiles(outputPath) : stat.isFile() ? [''] : [];
  const files: OutputFile[] = [];
  let budget = maxBytes;
  for (const name of names) {
    const abs = name ? path.join(outputPath, name) : outputPath;
    const entry = fs.lstatSync(abs);
    if (!entry.isFile()) continue;
    if (entry.size > budget) return { files, truncated: true };
    budget -= entry.size;
    files.push({ path: name, bytes: fs.readFileSync(abs) });
  }
  return { files, truncated: false };
}

/** Names and modification times of the entries (two levels deep) of directories the run could reach. */
export function snapshot(dirs: string[], exclude: string): Map<string, number> {
  const seen = new Map<string, number>();
  const visit = (dir: string, depth: number): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const abs = path.join(dir, entry.name);
      if (abs === exclude || abs.startsWith(exclude + path.sep)) continue;
      try {
        seen.set(abs, fs.lstatSync(abs).mtimeMs);
      } catch {
        continue;
      }
      if (entry.isDirectory() && depth > 1) visit(abs, depth - 1);
    }
  };
  for (const dir of dirs) visit(dir, 2);
  return seen;
}

export function changedSince(before: Map<string, number>, after: Map<string, number>): string[] {
  return [...after].filter(([file, mtime]) => before.get(file) !== mtime).map(([file]) => file).sort();
}
