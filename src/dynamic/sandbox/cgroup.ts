import fs from 'node:fs';
import path from 'node:path';
import { finishAtExit, isAlive } from './leftovers.js';

/** The supervisor and the tracer count against the process limit too. */
export const HELPER_PROCESSES = 2;
const REMOVE_ATTEMPTS = 100;
const REMOVE_RETRY_MS = 10;
const RUN_CGROUP = /^run-(\d+)-/;

/** Cgroups of finished runs not yet removed. */
const closing = new Set<string>();

/** A fresh pids cgroup under `parent` allowing the run's processes and its helpers. */
export function makeCgroup(parent: string | null, maxProcesses: number): string | null {
  if (!parent) return null;
  const dir = fs.mkdtempSync(path.join(parent, `run-${process.pid}-`));
  fs.writeFileSync(path.join(dir, 'pids.max'), String(maxProcesses + HELPER_PROCESSES));
  return dir;
}

/** Reads whether the cgroup refused a fork, then removes it. */
export function closeCgroup(dir: string | null): boolean {
  if (!dir) return false;
  let refused = false;
  try {
    refused = /max\s+[1-9]/.test(fs.readFileSync(path.join(dir, 'pids.events'), 'utf8'));
  } catch {
    // v1 kernels before 4.x lack pids.events: the poll still notices a runaway count
  }
  finishAtExit(closing, (pending) => fs.rmdirSync(pending));
  closing.add(dir);
  removeWhenEmpty(dir, 0);
  return refused;
}

/**
 * The supervisor reports a moment before it exits, and the kernel lets a cgroup go only once
 * empty, taking milliseconds even then: removal runs and retries in the background rather than
 * delaying the result.
 */
function removeWhenEmpty(dir: string, attempt: number): void {
  fs.rmdir(dir, (err) => {
    if (err && err.code !== 'ENOENT' && attempt < REMOVE_ATTEMPTS) setTimeout(() => removeWhenEmpty(dir, attempt + 1), REMOVE_RETRY_MS);
    else closing.delete(dir);
  });
}

/** Removes the run cgroups of pipewarden processes that are gone (killed before they could). */
export function removeAbandonedCgroups(parent: string): void {
  for (const name of fs.readdirSync(parent)) {
    const owner = RUN_CGROUP.exec(name)?.[1];
    if (owner && !isAlive(Number(owner))) fs.rmdir(path.join(parent, name), () => {});
  }
}
