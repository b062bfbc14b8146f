import { PackageURL } from 'packageurl-js';
import type { MatchablePackage } from '../../deps/vulnerabilities.js';

/** A package installed in the image. */
export interface ImagePackage extends MatchablePackage {
  type: 'deb' | 'apk' | 'pypi';
  /** The name the package manager lists (the binary package for deb/apk). */
  installedName: string;
  version: string;
  purl: string;
  /**
   * Whether it can be matched against advisories: OS packages need a distribution release OSV
   * knows (Debian, Alpine); `ecosystem` then carries it ("Debian:12", "Alpine:v3.20").
   */
  matchable: boolean;
  /** Image path of the database or metadata file that lists it, and the line. */
  file: string;
  line: number;
}

/** A purl, or a plain fallback for names the purl library cannot encode. */
export function purlOf(type: string, namespace: string | undefined, name: string, version: string, qualifiers?: Record<string, string>): string {
  try {
    return new PackageURL(type, namespace, name, version, qualifiers && Object.keys(qualifiers).length > 0 ? qualifiers : undefined).toString();
  } catch {
    return `pkg:${type}/${namespace ? `${namespace}/` : ''}${encodeURIComponent(name)}@${encodeURIComponent(version)}`;
  }
}
