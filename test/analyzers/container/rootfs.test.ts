import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RootFs } from '../../../src/analyzers/container/rootfs/rootfs.js';
import { readRootfs } from '../../../src/analyzers/container/rootfs/scan.js';
import { FIXTURES, scanImage } from './image-scan.js';

const DEBIAN = path.join(FIXTURES, 'rootfs/debian');
const ALPINE = path.join(FIXTURES, 'rootfs/alpine');
const OSV = path.join(FIXTURES, 'osv');
const SHARED_PYPI = path.resolve(import.meta.dirname, '../../../../shared/data/osv/PyPI');

describe('image rootfs inventory', () => {
  it('reads a Debian image: os-release, installed dpkg packages by source, and Python distributions', () => {
    const inventory = readRootfs(DEBIAN);
    expect(inventory.os).toMatchObject({ id: 'debian', versionId: '10', codename: 'buster', file: 'etc/os-release', line: 3 });
    expect(inventory.packages.map((p) => [p.type, p.installedName, p.name, p.version, p.ecosystem, p.matchable]).sort()).toEqual([
      ['deb', 'libpcre3', 'pcre3', '2:8.39-12', 'Debian:10', true],
      ['deb', 'libssl1.1', 'openssl', '1.1.1n-0+deb10u3', 'Debian:10', true],
      ['deb', 'zlib1g', 'zlib', '1:1.2.11.dfsg-1+deb10u1', 'Debian:10', true],
      ['pypi', 'PyYAML', 'pyyaml', '5.3.1', 'PyPI', true],
      ['pypi', 'six', 'six', '1.12.0', 'PyPI', true],
    ]);
    const purls = inventory.packages.map((p) => p.purl);
    expect(purls).toContain('pkg:deb/debian/libssl1.1@1.1.1n-0+deb10u3?arch=amd64&distro=debian-10');
    expect(purls).toContain('pkg:pypi/pyyaml@5.3.1');
    expect(inventory.packages.find((p) => p.installedName === 'zlib1g')).toMatchObject({ file: 'var/lib/dpkg/status', line: 17 });
  });

  it('reads an Alpine image: apk packages by origin on the release branch, and egg-info directories', () => {
    const inventory = readRootfs(ALPINE);
    expect(inventory.os).toMatchObject({ id: 'alpine', versionId: '3.12.12' });
    expect(inventory.runtimes).toEqual([{ product: 'node', release: '14', file: 'usr/local/include/node/node_version.h', line: 4 }]);
    expect(inventory.packages.map((p) => [p.type, p.installedName, p.name, p.version, p.ecosystem]).sort()).toEqual([
      ['apk', 'libcrypto1.1', 'openssl', '1.1.1j-r0', 'Alpine:v3.12'],
      ['apk', 'musl', 'musl', '1.1.24-r10', 'Alpine:v3.12'],
      ['pypi', 'six', 'six', '1.15.0', 'PyPI'],
    ]);
    expect(inventory.packages[0]!.purl).toBe('pkg:apk/alpine/libcrypto1.1@1.1.1j-r0?arch=x86_64&distro=alpine-3.12.12');
  });

  describe('links inside the image', () => {
    let dir: string;
    afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

    it('resolves absolute and relative links against the image root and never leaves it', () => {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-rootfs-links-'));
      fs.mkdirSync(path.join(dir, 'usr/lib'), { recursive: true });
      fs.mkdirSync(path.join(dir, 'etc'));
      fs.writeFileSync(path.join(dir, 'usr/lib/os-release'), 'ID=debian\nVERSION_ID="12"\n');
      fs.writeFileSync(path.join(dir, 'etc/hostname'), 'image\n');
      // Debian's own layout: an absolute link that means the image's /usr, not the host's.
      fs.symlinkSync('/usr/lib/os-release', path.join(dir, 'etc/os-release'));
      fs.symlinkSync('../../../../../../../../etc/hostname', path.join(dir, 'etc/escape'));
      fs.symlinkSync('loop', path.join(dir, 'etc/loop'));
      const rootfs = new RootFs(dir);
      expect(rootfs.read('etc/os-release')).toBe('ID=debian\nVERSION_ID="12"\n');
      expect(rootfs.resolve('etc/escape')).toBe(path.join(rootfs.root, 'etc/hostname'));
      // `..` above the image root stays at the root, as it does inside a container.
      expect(rootfs.read('etc/escape')).toBe('image\n');
      expect(rootfs.read('etc/loop')).toBeUndefined();
      expect(readRootfs(dir).os).toMatchObject({ id: 'debian', versionId: '12' });
    });
  });
});

describe('image rootfs against advisories', () => {
  it('matches Python, Debian and Alpine packages against a small hand-written OSV database', async () => {
    const debian = await scanImage(DEBIAN, OSV);
    const byRule = (rule: string) => debian.findings.filter((f) => f.ruleId === rule);
    expect(byRule('image.vulnerable-package').map((f) => [f.location.file, f.location.startLine, f.message.split(':')[0]])).toEqual([
      ['rootfs/debian/var/lib/dpkg/status', 1, 'libssl1.1 1.1.1n-0+deb10u3 (source package openssl) in the image is affected by DEBIAN-TEST-OPENSSL'],
      ['rootfs/debian/usr/local/lib/python3.7/site-packages/PyYAML-5.3.1.dist-info/METADATA', 2, 'PyYAML 5.3.1 in the image is affected by CVE-2020-14343 (PYSEC-TEST-PYYAML)'],
    ]);
    expect(byRule('image.vulnerable-package')[1]).toMatchObject({ category: 'container', cwe: ['CWE-20'], location: { snippet: 'Name: PyYAML' } });
    expect(byRule('image.vulnerable-package')[0]!.message).toContain('Fixed in 1.1.1n-0+deb10u4.');
    // Debian 10 ended on 2024-06-30; the run date is after it.
    expect(byRule('image.eol-os').map((f) => f.message)).toEqual(['The image is Debian GNU/Linux 10 (buster): Debian 10 (buster) reached end of life on 2024-06-30']);
    expect(byRule('image.eol-runtime').map((f) => [f.location.file, f.message])).toEqual([
      ['rootfs/debian/usr/local/lib/python3.7/os.py', 'The image contains Python 3.7, which reached end of life on 2023-06-27'],
    ]);
    expect(debian.notices.some((n) => /OS advisories were not available/.test(n))).toBe(false);

    const alpine = await scanImage(ALPINE, OSV);
    expect(alpine.findings.map((f) => `${f.ruleId} ${f.message.split(':')[0]}`).sort()).toEqual([
      'image.eol-os The image is Alpine Linux v3.12',
      'image.eol-runtime The image contains Node.js 14, which reached end of life on 2023-04-30',
      'image.vulnerable-package libcrypto1.1 1.1.1j-r0 (source package openssl) in the image is affected by ALPINE-TEST-OPENSSL',
    ]);
  });

  it('inventories OS packages but says so when the advisories do not cover their ecosystem', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-osv-pypi-only-'));
    try {
      fs.copyFileSync(path.join(OSV, 'PYSEC-TEST-PYYAML.json'), path.join(dir, 'PYSEC-TEST-PYYAML.json'));
      const { findings, notices } = await scanImage(DEBIAN, dir);
      expect(findings.filter((f) => f.ruleId === 'image.vulnerable-package').map((f) => f.message.split(' ')[0])).toEqual(['PyYAML']);
      expect(notices).toContain(
        'image rootfs: OS advisories were not available for Debian:10: 3 OS package(s) are inventoried but were not matched (give --osv-db a directory holding those OSV ecosystems)',
      );
      expect(notices.some((n) => /debian.*Debian GNU\/Linux 10 \(buster\), 3 deb, 2 pypi/.test(n))).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!fs.existsSync(SHARED_PYPI))('finds the real PyYAML 5.3.1 advisories in the shared PyPI OSV data', async () => {
    const { findings } = await scanImage(DEBIAN, SHARED_PYPI);
    const pyyaml = findings.filter((f) => f.ruleId === 'image.vulnerable-package' && f.message.startsWith('PyYAML 5.3.1'));
    expect(pyyaml.map((f) => f.message).join('\n')).toContain('CVE-2020-14343');
    expect(pyyaml.map((f) => f.location.file)).toEqual(['rootfs/debian/usr/local/lib/python3.7/site-packages/PyYAML-5.3.1.dist-info/METADATA']);
    expect(findings.some((f) => f.message.startsWith('six '))).toBe(false);
  });
});

if (!fs.existsSync(SHARED_PYPI)) console.warn(`skipping the real-data rootfs test: ${SHARED_PYPI} is absent`);
