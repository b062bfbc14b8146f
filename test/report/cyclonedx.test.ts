import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DependencyInventory, InventoryPackage } from '../../src/analyzers/deps/model.js';
import { baseImagesOf } from '../../src/inventory/containers.js';
import { servicesIn } from '../../src/inventory/services.js';
import { renderCycloneDx, type CycloneDxInput } from '../../src/report/cyclonedx.js';
import { cycloneDxValidator } from '../helpers/cyclonedx-schema.js';

const fixture = (name: string) => fs.readFileSync(new URL(`../fixtures/inventory/${name}`, import.meta.url), 'utf8');

const text = 'x';
const SHA256_HEX = createHash('sha256').update(text).digest('hex');
const SHA512_HEX = createHash('sha512').update(text).digest('hex');
const SHA512_SRI = `sha512-${createHash('sha512').update(text).digest('base64')}`;
const SHA1_SRI = `sha1-${createHash('sha1').update(text).digest('base64')}`;

function pkg(p: Partial<InventoryPackage> & Pick<InventoryPackage, 'ecosystem' | 'name' | 'purl'>): InventoryPackage {
  return { scope: 'direct', dev: false, hashes: [], declaredIn: [], paths: [[p.name]], dependencies: [], ...p };
}

const inventory: DependencyInventory = {
  packages: [
    pkg({
      ecosystem: 'PyPI',
      name: 'apache-airflow',
      version: '2.9.1',
      purl: 'pkg:pypi/apache-airflow@2.9.1',
      hashes: [`sha256:${SHA256_HEX.toUpperCase()}`, `sha256:${SHA256_HEX}`, 'sha224:abc', 'sha256:tooshort'],
      declaredIn: ['pyproject.toml', 'poetry.lock'],
      dependencies: ['jinja2', 'Flask_Login'],
    }),
    pkg({
      ecosystem: 'PyPI',
      name: 'jinja2',
      version: '3.1.4',
      purl: 'pkg:pypi/jinja2@3.1.4',
      scope: 'transitive',
      declaredIn: ['poetry.lock'],
      paths: [['apache-airflow', 'jinja2']],
      dependencies: ['markupsafe'],
    }),
    pkg({
      ecosystem: 'PyPI',
      name: 'markupsafe',
      version: '2.1.5',
      purl: 'pkg:pypi/markupsafe@2.1.5',
      scope: 'transitive',
      declaredIn: ['poetry.lock'],
      paths: [
        ['apache-airflow', 'jinja2', 'markupsafe'],
        ['apache-airflow', 'flask-login', 'flask', 'markupsafe'],
      ],
    }),
    pkg({ ecosystem: 'PyPI', name: 'flask-login', version: '0.6.3', purl: 'pkg:pypi/flask-login@0.6.3', scope: 'transitive', declaredIn: ['poetry.lock'] }),
    pkg({ ecosystem: 'PyPI', name: 'pytest', version: '8.2.0', purl: 'pkg:pypi/pytest@8.2.0', dev: true, declaredIn: ['poetry.lock'], dependencies: ['pluggy'] }),
    pkg({ ecosystem: 'PyPI', name: 'requests', purl: 'pkg:pypi/requests', declaredIn: ['jobs/requirements.txt'] }),
    pkg({ ecosystem: 'PyPI', name: 'pandas', version: '2.2.2', purl: 'pkg:pypi/pandas@2.2.2', declaredIn: ['poetry.lock'] }),
    pkg({
      ecosystem: 'npm',
      name: '@babel/core',
      version: '7.24.0',
      purl: 'pkg:npm/%40babel/core@7.24.0',
      dev: true,
      hashes: [`${SHA512_SRI} ${SHA1_SRI}`],
      declaredIn: ['web/package-lock.json'],
      dependencies: ['semver'],
    }),
    pkg({
      ecosystem: 'npm',
      name: 'semver',
      version: '6.3.1',
      purl: 'pkg:npm/semver@6.3.1',
      scope: 'transitive',
      dev: true,
      declaredIn: ['web/package-lock.json'],
      paths: [['@babel/core', 'semver']],
    }),
  ],
  unresolved: [{ name: 'pandas', reason: 'lock entry without dependency data' }],
};

const images = [...baseImagesOf(fixture('Dockerfile'), 'docker/Dockerfile'), ...baseImagesOf('FROM python:3.11-slim\n', 'worker/Dockerfile')];
const services = [
  ...servicesIn({ path: 'infra/main.tf', kind: 'terraform', text: fixture('main.tf') }),
  ...servicesIn({ path: 'jobs/ingest.py', kind: 'python', text: fixture('ingest.py') }),
];
const SERIAL = 'urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79';
const input: CycloneDxInput = { inventory, images, services, root: '/work/acme-pipeline/', toolVersion: '0.1.0', timestamp: '2024-06-01T12:00:00.000Z', serialNumber: SERIAL };

interface Bom {
  serialNumber: string;
  metadata: { component: { name: string; 'bom-ref': string }; tools: { components: Array<{ name: string; version: string }> }; properties?: Array<{ name: string; value: string }> };
  components: Array<Record<string, unknown> & { 'bom-ref': string; properties?: Array<{ name: string; value: string }> }>;
  services: Array<Record<string, unknown> & { 'bom-ref': string; name: string; endpoints?: string[]; properties: Array<{ name: string; value: string }> }>;
  dependencies: Array<{ ref: string; dependsOn: string[] }>;
}

describe('renderCycloneDx', () => {
  let validate: ValidateFunction;
  let output: string;
  let bom: Bom;
  beforeAll(() => {
    validate = cycloneDxValidator();
    output = renderCycloneDx(input);
    bom = JSON.parse(output) as Bom;
  });
  const component = (ref: string) => bom.components.find((c) => c['bom-ref'] === ref)!;
  const dependsOn = (ref: string) => bom.dependencies.find((d) => d.ref === ref)?.dependsOn;
  const values = (props: Array<{ name: string; value: string }> | undefined, name: string) => (props ?? []).filter((p) => p.name === name).map((p) => p.value);

  it('is valid against the official CycloneDX 1.6 JSON schema', () => {
    expect(validate(bom), JSON.stringify(validate.errors, null, 2)).toBe(true);
    // The validator is live down to nested definitions: a bad scope, hash or endpoint fails.
    expect(validate({ ...bom, components: [{ type: 'library', name: 'x', scope: 'dev' }] })).toBe(false);
    expect(validate({ ...bom, components: [{ type: 'library', name: 'x', hashes: [{ alg: 'SHA-256', content: 'abc' }] }] })).toBe(false);
    expect(validate({ ...bom, services: [{ name: 'x', endpoints: ['not a uri'] }] })).toBe(false);
  });

  it('stays valid for an empty inventory and a random serial number', () => {
    const empty = JSON.parse(renderCycloneDx({ ...input, inventory: { packages: [], unresolved: [] }, images: [], services: [], serialNumber: undefined })) as Bom;
    expect(validate(empty), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(empty.serialNumber).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(empty.serialNumber).not.toBe(JSON.parse(renderCycloneDx({ ...input, serialNumber: undefined })).serialNumber);
  });

  it('describes the scanned folder as an application, made by pipewarden', () => {
    expect(bom).toMatchObject({ bomFormat: 'CycloneDX', specVersion: '1.6', serialNumber: SERIAL, version: 1 });
    expect(bom.metadata).toMatchObject({
      timestamp: '2024-06-01T12:00:00.000Z',
      component: { type: 'application', name: 'acme-pipeline', 'bom-ref': 'app:acme-pipeline' },
      tools: { components: [{ type: 'application', name: 'pipewarden', version: '0.1.0' }] },
    });
    expect(values(bom.metadata.properties, 'pipewarden:unresolved-dependencies')).toEqual(['pandas: lock entry without dependency data']);
  });

  it('lists each package as a library identified by its purl, with scope, hashes and provenance', () => {
    expect(component('pkg:pypi/apache-airflow@2.9.1')).toEqual({
      type: 'library',
      'bom-ref': 'pkg:pypi/apache-airflow@2.9.1',
      name: 'apache-airflow',
      version: '2.9.1',
      scope: 'required',
      hashes: [{ alg: 'SHA-256', content: SHA256_HEX }],
      purl: 'pkg:pypi/apache-airflow@2.9.1',
      properties: [
        { name: 'pipewarden:scope', value: 'direct' },
        { name: 'pipewarden:dependency-path', value: 'apache-airflow' },
        { name: 'pipewarden:declared-in', value: 'poetry.lock' },
        { name: 'pipewarden:declared-in', value: 'pyproject.toml' },
      ],
    });
    expect(values(component('pkg:pypi/markupsafe@2.1.5').properties, 'pipewarden:dependency-path')).toEqual([
      'apache-airflow → jinja2 → markupsafe',
      'apache-airflow → flask-login → flask → markupsafe',
    ]);
    const requests = component('pkg:pypi/requests');
    expect(requests).not.toHaveProperty('version');
    expect(requests).not.toHaveProperty('hashes');
  });

  it('marks dev dependencies as excluded (not part of the runtime) and splits npm scopes into groups', () => {
    expect(component('pkg:pypi/pytest@8.2.0')).toMatchObject({ scope: 'excluded' });
    expect(component('pkg:npm/semver@6.3.1')).toMatchObject({ scope: 'excluded' });
    expect(component('pkg:npm/%40babel/core@7.24.0')).toMatchObject({
      group: '@babel',
      name: 'core',
      scope: 'excluded',
      // Both Subresource Integrity values of the one string, base64 turned into hex.
      hashes: [
        { alg: 'SHA-1', content: createHash('sha1').update(text).digest('hex') },
        { alg: 'SHA-512', content: SHA512_HEX },
      ],
    });
  });

  it('lists each distinct base image once as a container with a docker purl and every place it is used', () => {
    expect(component('pkg:docker/python@3.11-slim')).toEqual({
      type: 'container',
      'bom-ref': 'pkg:docker/python@3.11-slim',
      name: 'python',
      version: '3.11-slim',
      purl: 'pkg:docker/python@3.11-slim',
      properties: [
        { name: 'pipewarden:location', value: 'docker/Dockerfile:6' },
        { name: 'pipewarden:location', value: 'worker/Dockerfile:1' },
        { name: 'pipewarden:platform', value: '$BUILDPLATFORM' },
        { name: 'pipewarden:stage', value: 'build' },
      ],
    });
    const digest = '4b8e53fa8f9d0a4bbf7e0fa5e4a0c9f3e1f0d3f2c8b3a1d8e9f0a1b2c3d4e5f6';
    const runtimeRef = `pkg:docker/data/runtime@sha256:${digest}?repository_url=registry.example.com%3A5000`;
    expect(component(runtimeRef)).toMatchObject({ name: 'registry.example.com:5000/data/runtime', version: '1.2', hashes: [{ alg: 'SHA-256', content: digest }] });
    expect(component('image:ghcr.io/acme/base@${BASE_DIGEST}')).toMatchObject({
      type: 'container',
      version: '${BASE_DIGEST}',
      properties: expect.arrayContaining([{ name: 'pipewarden:unresolved-arg', value: 'BASE_DIGEST' }]),
    });
    expect(component('image:ghcr.io/acme/base@${BASE_DIGEST}')).not.toHaveProperty('purl');
  });

  it('merges a service seen in several files into one, with every redacted endpoint and location', () => {
    const raw = bom.services.find((s) => s['bom-ref'] === 'service:bucket:aws:acme-raw-events')!;
    expect(raw).toEqual({
      'bom-ref': 'service:bucket:aws:acme-raw-events',
      group: 'aws',
      name: 'acme-raw-events',
      endpoints: ['s3://acme-raw-events', 's3://acme-raw-events/clicks/'],
      properties: [
        { name: 'pipewarden:kind', value: 'bucket' },
        { name: 'pipewarden:location', value: 'infra/main.tf:9' },
        { name: 'pipewarden:location', value: 'jobs/ingest.py:11' },
        { name: 'pipewarden:source', value: 'code' },
        { name: 'pipewarden:source', value: 'iac' },
      ],
    });
    const warehouse = bom.services.find((s) => s.name === 'warehouse.internal:5432/analytics')!;
    expect(warehouse.endpoints).toEqual(['postgresql+psycopg2://etl:***@warehouse.internal:5432/analytics?sslmode=require']);
    expect(warehouse).not.toHaveProperty('group');
    expect(warehouse).not.toHaveProperty('data');
    // Kafka brokers have no URI, hence no endpoints.
    expect(bom.services.find((s) => s['bom-ref'].startsWith('service:stream:aws:b-1.msk'))).not.toHaveProperty('endpoints');
    for (const secret of ['Sup3rS3cret', 'r3ad3r', 'hunter2', 'bi-pass', 'abc123']) expect(output).not.toContain(secret);
  });

  it('draws the dependency graph between existing refs only, leaving unknown dependencies out', () => {
    expect(dependsOn('app:acme-pipeline')).toEqual(
      [
        'pkg:npm/%40babel/core@7.24.0',
        'pkg:pypi/apache-airflow@2.9.1',
        'pkg:pypi/pandas@2.2.2',
        'pkg:pypi/pytest@8.2.0',
        'pkg:pypi/requests',
        ...bom.components.filter((c) => c.type === 'container').map((c) => c['bom-ref']),
        ...bom.services.map((s) => s['bom-ref']),
      ].sort((a, b) => a.localeCompare(b)),
    );
    // "Flask_Login" is matched by its normalised name.
    expect(dependsOn('pkg:pypi/apache-airflow@2.9.1')).toEqual(['pkg:pypi/flask-login@0.6.3', 'pkg:pypi/jinja2@3.1.4']);
    expect(dependsOn('pkg:pypi/jinja2@3.1.4')).toEqual(['pkg:pypi/markupsafe@2.1.5']);
    expect(dependsOn('pkg:npm/%40babel/core@7.24.0')).toEqual(['pkg:npm/semver@6.3.1']);
    // Locked leaves, and a dependency that is not in the inventory, give an empty list: known to be none.
    expect(dependsOn('pkg:pypi/markupsafe@2.1.5')).toEqual([]);
    expect(dependsOn('pkg:pypi/pytest@8.2.0')).toEqual([]);
    // Unknown: a manifest-only requirement, and a package whose resolution failed.
    expect(dependsOn('pkg:pypi/requests')).toBeUndefined();
    expect(dependsOn('pkg:pypi/pandas@2.2.2')).toBeUndefined();
    const refs = new Set([bom.metadata.component['bom-ref'], ...bom.components.map((c) => c['bom-ref']), ...bom.services.map((s) => s['bom-ref'])]);
    for (const d of bom.dependencies) for (const ref of [d.ref, ...d.dependsOn]) expect(refs).toContain(ref);
  });

  it('is stable: same input, same document; components, services and graph sorted', () => {
    expect(renderCycloneDx({ ...input, images: [...images].reverse(), services: [...services].reverse() })).toBe(output);
    const sorted = (refs: string[]) => [...refs].sort((a, b) => a.localeCompare(b));
    expect(bom.components.map((c) => c['bom-ref'])).toEqual(sorted(bom.components.map((c) => c['bom-ref'])));
    expect(bom.services.map((s) => s['bom-ref'])).toEqual(sorted(bom.services.map((s) => s['bom-ref'])));
    expect(bom.dependencies.map((d) => d.ref)).toEqual(sorted(bom.dependencies.map((d) => d.ref)));
    expect(output.endsWith('}\n')).toBe(true);
  });
});
