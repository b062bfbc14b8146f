import type { RootFs } from './rootfs.js';

/** The distribution an image is built from, from its os-release file. */
export interface OsRelease {
  /** ID: "debian", "ubuntu", "alpine", … */
  id: string;
  versionId?: string;
  /** VERSION: "22.04.4 LTS (Jammy Jellyfish)"; Ubuntu marks its long-term releases there. */
  version?: string;
  codename?: string;
  prettyName?: string;
  /** Image path of the file read, and the line of VERSION_ID in it. */
  file: string;
  line: number;
}

/** Reads /etc/os-release (else /usr/lib/os-release); undefined when the image has neither. */
export function readOsRelease(rootfs: RootFs): OsRelease | undefined {
  for (const file of ['etc/os-release', 'usr/lib/os-release']) {
    const text = rootfs.read(file);
    if (text === undefined) continue;
    const values = new Map<string, { value: string; line: number }>();
    text.split(/\r?\n/).forEach((line, i) => {
      const m = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
      if (m) values.set(m[1]!, { value: m[2]!.replace(/^(["'])(.*)\1$/, '$2'), line: i + 1 });
    });
    const id = values.get('ID')?.value;
    if (!id) continue;
    const release: OsRelease = { id: id.toLowerCase(), file, line: values.get('VERSION_ID')?.line ?? values.get('ID')!.line };
    const versionId = values.get('VERSION_ID')?.value;
    const version = values.get('VERSION')?.value;
    const codename = values.get('VERSION_CODENAME')?.value;
    const prettyName = values.get('PRETTY_NAME')?.value;
    if (versionId) release.versionId = versionId;
    if (version) release.version = version;
    if (codename) release.codename = codename;
    if (prettyName) release.prettyName = prettyName;
    return release;
  }
  return undefined;
}
