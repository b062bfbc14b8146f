import type { OsRelease } from './os-release.js';
import { purlOf, type ImagePackage } from './packages.js';
import { stanzas, type RootFs } from './rootfs.js';

const FIELD = /^([A-Za-z][\w-]*):(.*)$/;

/**
 * Debian/Ubuntu packages from var/lib/dpkg/status (and the per-package files distroless images
 * keep in var/lib/dpkg/status.d). Only packages whose status is "installed" count. OSV files
 * Debian and Ubuntu advisories under the source package, so that is the name matched; the
 * binary name stays in the purl.
 */
export function dpkgPackages(rootfs: RootFs, os: OsRelease | undefined): ImagePackage[] {
  const files = ['var/lib/dpkg/status', ...rootfs.list('var/lib/dpkg/status.d').filter((d) => d.isFile() && !d.name.endsWith('.md5sums')).map((d) => `var/lib/dpkg/status.d/${d.name}`)];
  const distro = os?.id === 'ubuntu' ? 'ubuntu' : 'debian';
  const [ecosystem, ...otherEcosystems] = osvEcosystems(os);
  return files.flatMap((file) => {
    const text = rootfs.read(file);
    if (text === undefined) return [];
    return stanzas(text, FIELD).flatMap(({ fields, line }): ImagePackage[] => {
      const name = fields.get('Package');
      const version = fields.get('Version');
      const status = fields.get('Status');
      // Status is "want flag state"; distroless status.d files carry no Status at all.
      if (!name || !version || (status !== undefined && !/\sinstalled$/.test(status))) return [];
      const source = /^(\S+)(?:\s+\(([^)]+)\))?$/.exec(fields.get('Source') ?? '');
      const qualifiers: Record<string, string> = {};
      const arch = fields.get('Architecture');
      if (arch) qualifiers['arch'] = arch;
      if (os?.versionId) qualifiers['distro'] = `${distro}-${os.versionId}`;
      return [
        {
          type: 'deb',
          ecosystem: ecosystem ?? distro,
          ...(otherEcosystems.length > 0 ? { otherEcosystems } : {}),
          name: source?.[1] ?? name,
          installedName: name,
          version: source?.[2] ?? version,
          installedVersion: version,
          purl: purlOf('deb', distro, name, version, qualifiers),
          matchable: ecosystem !== undefined,
          file,
          line,
        },
      ];
    });
  });
}

/**
 * The OSV ecosystems of the release, the one its own archive's advisories use first; none when
 * the release is unknown. Ubuntu spells long-term releases "Ubuntu:22.04:LTS" and interim ones
 * "Ubuntu:23.10"; fixes shipped through Ubuntu Pro (ESM) are filed under "Ubuntu:Pro:22.04:LTS",
 * and an image without Pro is still exposed to what only Pro fixes, so both are matched.
 */
function osvEcosystems(os: OsRelease | undefined): string[] {
  const release = os?.versionId;
  if (os?.id === 'debian' && release) return [`Debian:${release.split('.')[0]}`];
  if (os?.id !== 'ubuntu' || !release || !/^\d+\.\d+$/.test(release)) return [];
  return isLongTermRelease(release, os.version) ? [`Ubuntu:${release}:LTS`, `Ubuntu:Pro:${release}:LTS`] : [`Ubuntu:${release}`];
}

/** VERSION says "LTS"; without it, Ubuntu's rule: the April release of every even year. */
function isLongTermRelease(release: string, version: string | undefined): boolean {
  if (version !== undefined) return /\bLTS\b/.test(version);
  const [year, month] = release.split('.').map(Number);
  return year! % 2 === 0 && month === 4;
}
