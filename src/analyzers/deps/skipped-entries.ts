import { LockfileError } from './lockfiles/errors.js';
import { ManifestError } from './manifests/errors.js';
import type { SkippedEntry } from './model.js';

/**
 * Entries of a manifest or lockfile left out because they do not read — a typo in one requirement,
 * a package entry of the wrong shape — with why. The rest of the file is still read: one bad
 * entry must not hide the packages around it from the vulnerability check.
 */
export class SkippedEntries {
  readonly entries: SkippedEntry[] = [];

  /** Reads one entry; a ManifestError or LockfileError leaves that entry out and is noted. */
  read<T>(line: number | undefined, read: () => T): T | undefined {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof ManifestError || error instanceof LockfileError)) throw error;
      const at = error.line ?? line;
      this.entries.push(at === undefined ? { reason: error.message } : { line: at, reason: error.message });
      return undefined;
    }
  }
}
