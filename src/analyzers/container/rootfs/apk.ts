import type { OsRelease } from './os-release.js';
import { purlOf, type ImagePackage } from './packages.js';
import { stanzas, type RootFs } from './rootfs.js';

const FIELD = /^([A-Za-z]):(.*)$/;

/**
 * Alpine packages from lib/apk/db/installed (`P:` name, `V:` version, `o:` origin, `A:` arch).
 * OSV files Alpine advisories under the origin (source) package of a branch ("Alpine:v3.20"),
 * taken from os-release or etc/alpine-release.
 */
export function apkPackages(rootfs: RootFs, os: OsRelease | undefined): ImagePackage[] {
  const file = 'lib/apk/db/installed';
  const text = rootfs.read(file);
  if (text === undefined) return [];
  const version = os?.id === 'alpine' ? os.versionId : rootfs.read('etc/alpine-release')?.trim();
  const branch = /^(\d+\.\d+)/.exec(version ?? '')?.[1];
  return stanzas(text, FIELD).flatMap(({ fields, line }): ImagePackage[] => {
    const name = fields.get('P');
    const pkgVersion = fields.get('V');
    if (!name || !pkgVersion) return [];
    const qualifiers: Record<string, string> = {};
    if (fields.get('A')) qualifiers['arch'] = fields.get('A')!;
    // purl's apk qualifier names the distribution and its release, as deb's does ("alpine-3.19.1").
    if (version) qualifiers['distro'] = `alpine-${version}`;
    return [
      {
        type: 'apk',
        ecosystem: branch ? `Alpine:v${branch}` : 'alpine',
        name: fields.get('o') ?? name,
        installedName: name,
        version: pkgVersion,
        installedVersion: pkgVersion,
        purl: purlOf('apk', 'alpine', name, pkgVersion, qualifiers),
        matchable: branch !== undefined,
        file,
        line,
      },
    ];
  });
}
