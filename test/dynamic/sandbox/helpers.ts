import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO } from '../../helpers/cli.js';

export const PIPELINES = path.join(REPO, 'test', 'fixtures', 'dynamic', 'pipelines');

/** The system interpreter when there is one: version-manager shims cost a dozen processes per start. */
export const PYTHON = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

export const LIMITS = { timeoutMs: 10_000, memoryBytes: 512 * 1024 ** 2, maxProcesses: 32 };

/** Command lines of running processes that mention `needle` (leftovers of a run would show here). */
export function processesMentioning(needle: string): string[] {
  const out = execFileSync('ps', ['-eo', 'args='], { encoding: 'utf8' });
  return out.split('\n').filter((line) => line.includes(needle) && !line.includes('ps -eo'));
}
