import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readRootfs } from '../../../src/analyzers/container/rootfs/scan.js';
import { FIXTURES, scanImage } from './image-scan.js';

const UBUNTU = path.join(FIXTURES, 'rootfs/ubuntu');
const OSV = path.join(FIXTURES, 'osv');

const vulnerableMessages = async (rootfs: string) =>
  (await scanImage(rootfs, OSV)).findings.filter((f) => f.ruleId === 'image.vulnerable-package').map((f) => `${f.location.file}:${f.location.startLine} ${f.message}`);

describe('Ubuntu image rootfs', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  /** A copy of the Ubuntu fixture with some of its files replaced. */
  function variant(files: Record<string, string>): string {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-ubuntu-'));
    fs.cpSync(UBUNTU, dir, { recursive: true });
    for (const [file, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, file), text);
    return dir;
  }

  it('files an LTS release under its OSV ecosystem and Ubuntu Pro’s, by source package, with Ubuntu purls', () => {
    const inventory = readRootfs(UBUNTU);
    expect(inventory.os).toMatchObject({ id: 'ubuntu', versionId: '22.04', version: '22.04.4 LTS (Jammy Jellyfish)' });
    expect(inventory.packages.map((p) => [p.installedName, p.name, p.version, p.ecosystem, p.otherEcosystems, p.matchable]).sort()).toEqual([
      ['libexpat1', 'expat', '2.4.7-1ubuntu0.3', 'Ubuntu:22.04:LTS', ['Ubuntu:Pro:22.04:LTS'], true],
      ['libsqlite3-0', 'sqlite3', '3.37.2-2ubuntu0.3', 'Ubuntu:22.04:LTS', ['Ubuntu:Pro:22.04:LTS'], true],
      ['libssl3', 'openssl', '3.0.2-0ubuntu1.10', 'Ubuntu:22.04:LTS', ['Ubuntu:Pro:22.04:LTS'], true],
      ['zlib1g', 'zlib', '1:1.2.11.dfsg-2ubuntu9.2', 'Ubuntu:22.04:LTS', ['Ubuntu:Pro:22.04:LTS'], true],
    ]);
    expect(inventory.packages.find((p) => p.installedName === 'libssl3')!.purl).toBe('pkg:deb/ubuntu/libssl3@3.0.2-0ubuntu1.10?arch=amd64&distro=ubuntu-22.04');
  });

  it('tells interim releases from LTS ones by VERSION, or by the even-year April rule when VERSION is missing', () => {
    const ecosystemsOf = (osRelease: string) => {
      const { packages } = readRootfs(variant({ 'etc/os-release': osRelease }));
      fs.rmSync(dir!, { recursive: true, force: true });
      return [packages[0]!.ecosystem, ...(packages[0]!.otherEcosystems ?? [])];
    };
    expect(ecosystemsOf('ID=ubuntu\nVERSION_ID="23.10"\nVERSION="23.10 (Mantic Minotaur)"\n')).toEqual(['Ubuntu:23.10']);
    expect(ecosystemsOf('ID=ubuntu\nVERSION_ID="20.04"\n')).toEqual(['Ubuntu:20.04:LTS', 'Ubuntu:Pro:20.04:LTS']);
    expect(ecosystemsOf('ID=ubuntu\nVERSION_ID="21.04"\n')).toEqual(['Ubuntu:21.04']);
    expect(readRootfs(variant({ 'etc/os-release': 'ID=ubuntu\n' })).packages.every((p) => !p.matchable && p.ecosystem === 'ubuntu')).toBe(true);
  });

  it('reports the vulnerable versions once per advisory, on the release’s records only, and never by binary name', async () => {
    expect(await vulnerableMessages(UBUNTU)).toEqual([
      'rootfs/ubuntu/var/lib/dpkg/status:1 libssl3 3.0.2-0ubuntu1.10 (source package openssl) in the image is affected by UBUNTU-TEST-OPENSSL: openssl: hand-written test advisory, filed for 22.04 under both the archive and Ubuntu Pro, and for 20.04 Fixed in 3.0.2-0ubuntu1.12.',
      'rootfs/ubuntu/var/lib/dpkg/status:22 libsqlite3-0 3.37.2-2ubuntu0.3 (source package sqlite3) in the image is affected by UBUNTU-TEST-SQLITE: sqlite3: hand-written test advisory fixed only through Ubuntu Pro (ESM) Fixed in 3.37.2-2ubuntu0.3+esm1.',
    ]);
  });

  it('reports nothing once the fixed versions are installed (dpkg ordering: 1.12 after 1.10, +esm1 after the archive build)', async () => {
    const status = fs.readFileSync(path.join(UBUNTU, 'var/lib/dpkg/status'), 'utf8');
    const fixed = variant({ 'var/lib/dpkg/status': status.replace('Version: 3.0.2-0ubuntu1.10', 'Version: 3.0.2-0ubuntu1.12').replace('Version: 3.37.2-2ubuntu0.3', 'Version: 3.37.2-2ubuntu0.3+esm1') });
    expect(readRootfs(fixed).packages.map((p) => p.version)).toContain('3.0.2-0ubuntu1.12');
    expect(await vulnerableMessages(fixed)).toEqual([]);
  });
});
