import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LockedPackage, ParsedLockfile } from '../../../../src/analyzers/deps/model.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../fixtures/deps/lockfiles');

export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** The one package called `name` (fails the test when there are several or none). */
export function pkg(lock: ParsedLockfile, name: string, version?: string): LockedPackage {
  const found = lock.packages.filter((p) => p.name === name && (version === undefined || p.version === version));
  if (found.length !== 1) throw new Error(`expected one ${name}${version ? `@${version}` : ''}, found ${found.length}`);
  return found[0]!;
}

export function names(lock: ParsedLockfile): string[] {
  return lock.packages.map((p) => `${p.name}@${p.version}`);
}

/** A shortest dependency path from some root to `name`, walking the parsed edges: what the inventory will derive. */
export function pathTo(lock: ParsedLockfile, name: string): string[] | undefined {
  const deps = new Map<string, string[]>();
  for (const p of lock.packages) deps.set(p.name, [...(deps.get(p.name) ?? []), ...p.dependencies]);
  const queue: string[][] = lock.roots.map((r) => [r]);
  const seen = new Set(lock.roots);
  for (let i = 0; i < queue.length; i++) {
    const current = queue[i]!;
    const last = current[current.length - 1]!;
    if (last === name) return current;
    for (const next of deps.get(last) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      queue.push([...current, next]);
    }
  }
  return undefined;
}

/** The one package entry a parser left out, with its reason as `message`; fails the test when it left out none or several. */
export function leftOut(lock: ParsedLockfile): { message: string; line?: number } {
  const skipped = lock.skipped ?? [];
  if (skipped.length !== 1) throw new Error(`expected one entry left out, got ${JSON.stringify(skipped)}`);
  const [{ reason, line }] = skipped as [{ reason: string; line?: number }];
  return line === undefined ? { message: reason } : { message: reason, line };
}

/** Runs `fn`, expecting a LockfileError-like throw, and returns it. */
export function thrown(fn: () => unknown): Error & { line?: number; file?: string } {
  try {
    fn();
  } catch (err) {
    return err as Error & { line?: number };
  }
  throw new Error('expected an error');
}
