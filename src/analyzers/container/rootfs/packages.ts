import { PackageURL } from 'packageurl-js';
import type { MatchablePackage } from '../../deps/vulnerabilities.js';

/** A package installed in the image. */
export interface ImagePackage extends MatchablePackage {
  type: 'deb' | 'apk' | 'pypi';
  /** The name the package manager lists (the binary package for deb/apk). */
  installedName: string;
  /** The version matched: a deb's source version when dpkg records one apart from the binary's. */
  version: string;
  /** The version the package manager lists for the installed package (the one in the purl). */
  installedVersion: string;
  purl: string;
  /**
   * Whether it can be matched against advisories: OS packages need a distribution release OSV
   * knows (Debian, Ubuntu, Alpine); `ecosystem` then carries it ("Debian:12", "Ubuntu:22.04:LTS", "Alpine:v3.20").
   */
  matchable: boolean;
  /** Further ecosystems advisories for it are filed under: Ubuntu Pro's ("Ubuntu:Pro:22.04:LTS") for an LTS release. */
  otherEcosystems?: string[];
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
