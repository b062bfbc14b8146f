import fs from 'node:fs';
import { ManifestError } from '../../../../src/analyzers/deps/manifests/errors.js';
import type { DeclaredRequirement, ParsedManifest } from '../../../../src/analyzers/deps/model.js';

/** A hand-written manifest from test/fixtures/deps/manifests. */
export function fixture(name: string): string {
  return fs.readFileSync(new URL(`../../../fixtures/deps/manifests/${name}`, import.meta.url), 'utf8');
}

/** The ManifestError `parse` throws; fails the test when it throws nothing or something else. */
export function manifestError(parse: () => unknown): ManifestError {
  try {
    parse();
  } catch (error) {
    if (error instanceof ManifestError) return error;
    throw error;
  }
  throw new Error('expected a ManifestError, but parsing succeeded');
}

/** The one entry a parser left out of `manifest`; fails the test when it left out none or several. */
export function skippedEntry(manifest: ParsedManifest): { line?: number; reason: string } {
  const skipped = manifest.skipped ?? [];
  if (skipped.length !== 1) throw new Error(`expected one entry left out, got ${JSON.stringify(skipped)}`);
  return skipped[0]!;
}

/** The requirement named `name` (the only one, or the first of several). */
export function named(requirements: DeclaredRequirement[], name: string): DeclaredRequirement {
  const found = requirements.find((r) => r.name === name);
  if (!found) throw new Error(`no requirement named ${name} in ${requirements.map((r) => r.name).join(', ')}`);
  return found;
}

/** name → [specifier, pinnedVersion, line]: a compact view of what a manifest declares. */
export function summary(requirements: DeclaredRequirement[]): Array<[string, string, string | undefined, number | undefined]> {
  return requirements.map((r) => [r.name, r.specifier, r.pinnedVersion, r.line]);
}
