import type { ParsedLockfile } from '../model.js';
import { parsePackageLock } from './package-lock.js';
import { parsePdmLock } from './pdm.js';
import { parsePipfileLock } from './pipfile.js';
import { parsePnpmLock } from './pnpm.js';
import { parsePoetryLock } from './poetry.js';
import { parseUvLock } from './uv.js';
import { parseYarnLock } from './yarn.js';

export { LockfileError } from './errors.js';

type LockfileParser = (text: string, file: string) => ParsedLockfile;

/** Lockfile parsers by base name, lower-cased as the file classifier compares them. */
const PARSERS = new Map<string, LockfileParser>([
  ['poetry.lock', parsePoetryLock],
  ['pipfile.lock', parsePipfileLock],
  ['uv.lock', parseUvLock],
  ['pdm.lock', parsePdmLock],
  ['package-lock.json', parsePackageLock],
  // npm's publishable lockfile has the package-lock format.
  ['npm-shrinkwrap.json', parsePackageLock],
  ['yarn.lock', parseYarnLock],
  ['pnpm-lock.yaml', parsePnpmLock],
]);

/**
 * Parses a lockfile chosen by the base name of `fileName`; undefined when no parser knows the
 * name. `file` (relative to the scanned root) is used in errors. Throws LockfileError on a
 * lockfile it cannot read; reads only, never runs anything.
 */
export function parseLockfile(fileName: string, text: string, file: string): ParsedLockfile | undefined {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1).toLowerCase();
  return PARSERS.get(base)?.(text, file);
}
