import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ValidateFunction } from 'ajv';
import { DEFAULT_DEPS_SETTINGS } from '../../src/analyzers/deps/settings.js';
import { collectInventory, type CollectedInventory } from '../../src/inventory/collect.js';
import { renderCycloneDx } from '../../src/report/cyclonedx.js';
import { runCli } from '../helpers/cli.js';
import { cycloneDxValidator } from '../helpers/cyclonedx-schema.js';
import { removeTree, tempTree } from '../helpers/temp-tree.js';

const ROOTFS = path.resolve(import.meta.dirname, '../fixtures/container/rootfs');

interface Component {
  type: string;
  'bom-ref': string;
  name: string;
  version?: string;
  description?: string;
  purl?: string;
  properties?: Array<{ name: string; value: string }>;
  components?: Component[];
}

interface Bom {
  metadata: { lifecycles: Array<{ phase: string }> };
  components: Component[];
  dependencies: Array<{ ref: string; dependsOn: string[] }>;
}

/** Every bom-ref in the BOM, nested components included. */
const refsOf = (components: Component[]): string[] => components.flatMap((c) => [c['bom-ref'], ...refsOf(c.components ?? [])]);

describe('inventory of an unpacked image (--image-rootfs)', () => {
  let validate: ValidateFunction;
  let root: string;
  const collect = (rootfs: string): Promise<CollectedInventory> =>
    collectInventory(root, { maxFileSize: 5_000_000, exclude: [], deps: { ...DEFAULT_DEPS_SETTINGS, offline: true }, imageRootfs: path.join(ROOTFS, rootfs) });
  const sbom = async (rootfs: string): Promise<Bom> => {
    const collected = await collect(rootfs);
    const text = renderCycloneDx({ inventory: collected.built.inventory, images: collected.images, services: collected.services, ...(collected.rootfs ? { rootfs: collected.rootfs } : {}), root, toolVersion: '0.0.0', timestamp: '2026-11-25T12:00:00Z' });
    const bom = JSON.parse(text) as Bom;
    expect(validate(bom), JSON.stringify(validate.errors, null, 2)).toBe(true);
    return bom;
  };
  const image = (bom: Bom) => bom.components.find((c) => c.type === 'container')!;

  beforeAll(() => {
    validate = cycloneDxValidator();
    // The project itself pins the same PyYAML the image has installed.
    root = tempTree({ 'requirements.txt': 'PyYAML==5.3.1\n' });
  });
  afterAll(() => removeTree(root));

  it('lists the image’s OS and Python packages through the rootfs reader', async () => {
    const { rootfs, built } = await collect('debian');
    expect(built.inventory.packages.map((p) => p.purl)).toEqual(['pkg:pypi/pyyaml@5.3.1']);
    expect(rootfs!.os).toMatchObject({ id: 'debian', versionId: '10' });
    expect(rootfs!.packages.map((p) => p.purl).sort()).toEqual([
      'pkg:deb/debian/libpcre3@2:8.39-12+b1?arch=amd64&distro=debian-10',
      'pkg:deb/debian/libssl1.1@1.1.1n-0+deb10u3?arch=amd64&distro=debian-10',
      'pkg:deb/debian/zlib1g@1:1.2.11.dfsg-1+deb10u1?arch=amd64&distro=debian-10',
      'pkg:pypi/pyyaml@5.3.1',
      'pkg:pypi/six@1.12.0',
    ]);
  });

  it('puts a Debian image in the CycloneDX BOM as a container of its OS and packages, refs unique beside the project’s own', async () => {
    const bom = await sbom('debian');
    expect(bom.metadata.lifecycles).toEqual([{ phase: 'pre-build' }, { phase: 'post-build' }]);
    const container = image(bom);
    expect(container).toMatchObject({ 'bom-ref': 'rootfs:debian', name: 'Debian GNU/Linux 10 (buster)' });
    expect(container.components![0]).toEqual({ type: 'operating-system', 'bom-ref': 'rootfs:debian:os', name: 'debian', version: '10', description: 'Debian GNU/Linux 10 (buster)' });
    const pcre = container.components!.find((c) => c.name === 'libpcre3');
    // The binary package's own version, as in its purl; the source package's version is for matching only.
    expect(pcre).toEqual({
      type: 'library',
      'bom-ref': 'rootfs:debian:pkg:deb/debian/libpcre3@2:8.39-12+b1?arch=amd64&distro=debian-10',
      name: 'libpcre3',
      version: '2:8.39-12+b1',
      purl: 'pkg:deb/debian/libpcre3@2:8.39-12+b1?arch=amd64&distro=debian-10',
      properties: [
        { name: 'pipewarden:location', value: 'var/lib/dpkg/status:24' },
        { name: 'pipewarden:source-package', value: 'pcre3' },
      ],
    });
    expect(container.components!.find((c) => c.name === 'PyYAML')).toMatchObject({ purl: 'pkg:pypi/pyyaml@5.3.1', version: '5.3.1' });
    const refs = refsOf(bom.components);
    expect(new Set(refs).size).toBe(refs.length);
    expect(refs).toContain('pkg:pypi/pyyaml@5.3.1');
    expect(bom.dependencies.find((d) => d.ref.startsWith('app:'))!.dependsOn).toContain('rootfs:debian');
  });

  it('gives Alpine and Ubuntu packages their distribution’s purls', async () => {
    const alpine = image(await sbom('alpine')).components!.map((c) => c.purl ?? `${c.type} ${c.name} ${c.version}`);
    expect(alpine).toEqual([
      'operating-system alpine 3.12.12',
      'pkg:apk/alpine/libcrypto1.1@1.1.1j-r0?arch=x86_64&distro=alpine-3.12.12',
      'pkg:apk/alpine/musl@1.1.24-r10?arch=x86_64&distro=alpine-3.12.12',
      'pkg:pypi/six@1.15.0',
    ]);
    const ubuntu = image(await sbom('ubuntu')).components!.map((c) => c.purl ?? `${c.type} ${c.name} ${c.version}`);
    expect(ubuntu).toContain('pkg:deb/ubuntu/libssl3@3.0.2-0ubuntu1.10?arch=amd64&distro=ubuntu-22.04');
    expect(ubuntu).toContain('pkg:deb/ubuntu/libexpat1@2.4.7-1ubuntu0.3build1?arch=amd64&distro=ubuntu-22.04');
  });

  it('is on the inventory command, in the CycloneDX and JSON formats, and refuses a missing directory', async () => {
    const cyclonedx = await runCli(['inventory', root, '--image-rootfs', path.join(ROOTFS, 'alpine'), '--format', 'cyclonedx', '--offline']);
    expect(cyclonedx.code, cyclonedx.stderr).toBe(0);
    const bom = JSON.parse(cyclonedx.stdout) as Bom;
    expect(validate(bom), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(refsOf(image(bom).components!)).toContain('rootfs:alpine:pkg:apk/alpine/musl@1.1.24-r10?arch=x86_64&distro=alpine-3.12.12');

    const json = await runCli(['inventory', root, '--image-rootfs', path.join(ROOTFS, 'debian'), '--format', 'json', '--offline']);
    expect(json.code, json.stderr).toBe(0);
    const listed = (JSON.parse(json.stdout) as { imageRootfs: { os: { id: string }; packages: Array<{ name: string; version: string; sourcePackage?: string }> } }).imageRootfs;
    expect(listed.os.id).toBe('debian');
    expect(listed.packages.find((p) => p.name === 'libssl1.1')).toMatchObject({ version: '1.1.1n-0+deb10u3', sourcePackage: 'openssl' });

    const missing = await runCli(['inventory', root, '--image-rootfs', path.join(root, 'nope')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('--image-rootfs: not a directory');
  });
});
