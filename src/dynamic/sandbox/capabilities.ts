import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { removeAbandonedCgroups } from './cgroup.js';

/** What this machine lets the sandbox use; probed once per process. */
export interface HostCapabilities {
  python: string;
  /** Runs get fresh user, mount, network and PID namespaces (the kernel allows them, and the server knows this architecture's clone). */
  namespaces: boolean;
  strace: string | null;
  /** A pids cgroup directory we may create children in (cgroup v1 or v2), if any. */
  pidsCgroup: string | null;
  /** The user is root: RLIMIT_NPROC does not bind root, so only a cgroup limits processes. */
  root: boolean;
}

let cached: HostCapabilities | undefined;

export function hostCapabilities(): HostCapabilities {
  cached ??= probe();
  return cached;
}

function probe(): HostCapabilities {
  const python = findProgram(['/usr/bin/python3', 'python3']);
  if (!python) throw new Error('the dynamic sandbox needs python3 on PATH');
  const namespaces = CLONE_ARCHES.has(process.arch) && spawnSync('unshare', [...NAMESPACE_FLAGS, 'true'], { stdio: 'ignore', timeout: 10_000 }).status === 0;
  const root = process.getuid?.() === 0;
  return { python, namespaces, strace: findProgram(['strace'], '-V'), pidsCgroup: root ? findPidsCgroup() : null, root };
}

/** The namespaces every run gets, as unshare flags: whether unshare can make them tells whether the kernel allows them. */
const NAMESPACE_FLAGS = ['--user', '--map-root-user', '--mount', '--net', '--pid', '--fork', '--mount-proc'];

/** Architectures whose clone system call the sandbox server calls directly (see supervisor.ts). */
const CLONE_ARCHES = new Set(['x64', 'arm64', 'riscv64', 'loong64']);

function findProgram(candidates: string[], versionFlag = '--version'): string | null {
  for (const candidate of candidates) {
    const probe = spawnSync(candidate, [versionFlag], { stdio: 'ignore', timeout: 10_000 });
    if (probe.status === 0) return candidate;
  }
  return null;
}

/** A directory under which a child cgroup with `pids.max` can be made, checked by making one. */
function findPidsCgroup(): string | null {
  for (const base of ['/sys/fs/cgroup/pids', '/sys/fs/cgroup']) {
    const dir = path.join(base, 'pipewarden');
    const probe = path.join(dir, `probe-${process.pid}`);
    try {
      fs.mkdirSync(dir, { recursive: true });
      fs.mkdirSync(probe);
      const usable = fs.existsSync(path.join(probe, 'pids.max'));
      fs.rmdirSync(probe);
      if (!usable) continue;
      removeAbandonedCgroups(dir);
      return dir;
    } catch {
      // not writable or no pids controller here: try the next place
    }
  }
  return null;
}
