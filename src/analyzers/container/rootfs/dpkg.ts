import type { OsRelease } from './os-release.js';
import { purlOf, type ImagePackage } from './packages.js';
import { stanzas, type RootFs } from './rootfs.js';

const FIELD = /^([A-Za-z][\w-]*):(.*)$/;

/**
 * Debian/Ubuntu packages from var/lib/dpkg/status (and the per-package files distroless images
 * keep in var/lib/dpkg/status.d). Only packages whose status is "installed" count. OSV files
 * Debian advisories under the source package, so that is the name matched; the binary name
 * stays in the purl.
 */
export function dpkgPackages(rootfs: RootFs, os: OsRelease | undefined): ImagePackage[] {
  const files = ['var/lib/dpkg/status', ...rootfs.list('var/lib/dpkg/status.d').filter((d) => d.isFile() && !d.name.endsWith('.md5sums')).map((d) => `var/lib/dpkg/status.d/${d.name}`)];
  const distro = os?.id === 'ubuntu' ? 'ubuntu' : 'debian';
  const release = os?.versionId?.split('.')[0];
  const matchable = distro === 'debian' && os?.id === 'debian' && release !== undefined;
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
          ecosystem: matchable ? `Debian:${release}` : distro,
          name: source?.[1] ?? name,
          installedName: name,
          version: source?.[2] ?? version,
          purl: purlOf('deb', distro, name, version, qualifiers),
          matchable,
          file,
          line,
        },
      ];
    });
  });
}
