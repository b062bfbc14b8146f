import { normalizePyPIName } from '../../deps/model.js';
import { purlOf, type ImagePackage } from './packages.js';
import { stanzas, type RootFs } from './rootfs.js';

/** Directories never worth walking in an image. */
const SKIP = new Set(['proc', 'sys', 'dev', 'run', 'tmp', 'var/cache', 'var/log', 'usr/share', 'usr/include', 'boot', 'node_modules']);
const MAX_DEPTH = 9;
const MAX_DIRECTORIES = 50_000;
const FIELD = /^([A-Za-z][\w-]*):(.*)$/;

/**
 * Installed Python distributions: every `*.dist-info/METADATA` and `*.egg-info` (`PKG-INFO`
 * inside, or the file itself) in any site-packages or dist-packages directory of the image,
 * system Python and virtual environments alike. The walk does not follow links and is bounded.
 */
export function pythonPackages(rootfs: RootFs): { packages: ImagePackage[]; truncated: boolean } {
  const packages: ImagePackage[] = [];
  const queue: Array<{ dir: string; depth: number }> = [{ dir: '', depth: 0 }];
  let visited = 0;
  while (queue.length > 0) {
    if (++visited > MAX_DIRECTORIES) return { packages, truncated: true };
    const { dir, depth } = queue.shift()!;
    const name = dir.slice(dir.lastIndexOf('/') + 1);
    if (name === 'site-packages' || name === 'dist-packages') {
      packages.push(...distributionsIn(rootfs, dir));
      continue;
    }
    if (depth >= MAX_DEPTH) continue;
    for (const entry of rootfs.list(dir)) {
      const child = dir ? `${dir}/${entry.name}` : entry.name;
      if (entry.isDirectory() && !SKIP.has(child) && !SKIP.has(entry.name)) queue.push({ dir: child, depth: depth + 1 });
    }
  }
  return { packages, truncated: false };
}

function distributionsIn(rootfs: RootFs, dir: string): ImagePackage[] {
  return rootfs.list(dir).flatMap((entry) => {
    let file: string | undefined;
    if (entry.name.endsWith('.dist-info') && entry.isDirectory()) file = `${dir}/${entry.name}/METADATA`;
    else if (entry.name.endsWith('.egg-info')) file = entry.isDirectory() ? `${dir}/${entry.name}/PKG-INFO` : `${dir}/${entry.name}`;
    const text = file && rootfs.read(file);
    if (!file || !text) return [];
    // Only the header block: the description after it may contain "Name:" lines of its own.
    const headerText = text.split(/\r?\n\r?\n/)[0]!;
    const header = stanzas(headerText, FIELD)[0];
    const name = header?.fields.get('Name');
    const version = header?.fields.get('Version');
    if (!name || !version) return [];
    const normalized = normalizePyPIName(name);
    const line = headerText.split(/\r?\n/).findIndex((l) => l.startsWith('Name:')) + 1;
    return [{ type: 'pypi', ecosystem: 'PyPI', name: normalized, installedName: name, version, installedVersion: version, purl: purlOf('pypi', undefined, normalized, version), matchable: true, file, line } satisfies ImagePackage];
  });
}
