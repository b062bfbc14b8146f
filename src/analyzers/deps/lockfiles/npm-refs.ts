import type { DirectSource } from '../model.js';
import { pathSource, urlSource, vcsSource } from './sources.js';

/**
 * The package name of a descriptor or locator ("axios@^1.6.0", "@types/node@npm:20.12.7"): a
 * scoped name starts with @ and holds no other, so the separator is the first @ after index 0.
 */
export function descriptorName(descriptor: string): string | undefined {
  const at = descriptor.indexOf('@', 1);
  return at > 0 ? descriptor.slice(0, at) : undefined;
}

/** The package a dependency entry installs: `"string-width-cjs": "npm:string-width@^4.2.0"` is an alias of string-width. */
export function dependencyTarget(name: string, spec: string): string {
  return (spec.startsWith('npm:') && descriptorName(spec.slice(4))) || name;
}

/** Registry tarballs, npmjs or a private mirror, follow <registry>/<name>/-/<file>.tgz. */
const REGISTRY_TARBALL = /\/-\/[^/]+\.tgz(?:[?#]|$)/;
const GIT_PROTOCOL = /^(?:git\+|git:|github:|gitlab:|bitbucket:|git@)/;

/**
 * Where a package comes from, given the reference npm (`resolved`), yarn (`resolved`, or the
 * part of a berry resolution after "name@") or pnpm (`tarball`) records. Undefined for the
 * registry, and for protocols that point at the registry package (npm:, patch:).
 */
export function npmSource(reference: string): DirectSource | undefined {
  if (GIT_PROTOCOL.test(reference) || (/^https?:/.test(reference) && /\.git(?:#|$)|#commit=/.test(reference))) {
    const hash = reference.indexOf('#');
    const url = (hash < 0 ? reference : reference.slice(0, hash)).replace(/^git\+/, '');
    // npm and yarn 1 write "#<sha>"; berry writes "#commit=<sha>" (or head=, tag=, semver=).
    const ref = hash < 0 ? undefined : reference.slice(hash + 1).replace(/^(?:commit|head|tag|semver)=/, '');
    return vcsSource(url, ref);
  }
  const local = /^(?:file|link|portal):(.*)$/.exec(reference);
  // berry appends "#<path>::locator=…" or "::hash=…" to local references.
  if (local) return pathSource(local[1].split(/#|::/)[0]);
  if (/^https?:\/\//.test(reference) && !REGISTRY_TARBALL.test(reference)) return urlSource(reference);
  return undefined;
}
