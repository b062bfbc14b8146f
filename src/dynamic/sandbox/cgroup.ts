import fs from 'node:fs';
import path from 'node:path';
import { ownerIsGone } from './leftovers.js';

/** The supervisor and the tracer count against the process limit too. */
export const HELPER_PROCESSES = 2;
const RUN_CGROUP = /^run-(\d+)-/;

/** Removes the run cgroups of pipewarden processes that are gone (their sandbox server was killed before it could). */
export function removeAbandonedCgroups(parent: string): void {
  for (const name of fs.readdirSync(parent)) {
    if (ownerIsGone(name, RUN_CGROUP)) fs.rmdir(path.join(parent, name), () => {});
  }
}
