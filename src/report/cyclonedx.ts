import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { normalizePyPIName, type DependencyInventory, type Ecosystem, type InventoryPackage } from '../analyzers/deps/model.js';
import { classify } from '../inventory/classify.js';
import { dockerPurl, imageReference, type ContainerImage } from '../inventory/containers.js';
import type { Service } from '../inventory/services.js';
import type { RootfsInventory } from '../analyzers/container/rootfs/scan.js';
import { cycloneDxHashes, type CycloneDxHash } from './cyclonedx-hashes.js';

export interface CycloneDxInput {
  inventory: DependencyInventory;
  images: ContainerImage[];
  services: Service[];
  /** An unpacked image (--image-rootfs): one container component holding its OS and packages. */
  rootfs?: RootfsInventory;
  /** The scanned root; the BOM describes an application named after its folder. */
  root: string;
  toolVersion: string;
  /** ISO 8601 date-time of the assessment. */
  timestamp: string;
  /** `urn:uuid:…`; a fresh random one when omitted (every BOM should have its own). */
  serialNumber?: string;
}

interface Property {
  name: string;
  value: string;
}

interface Component {
  type: 'library' | 'container' | 'application' | 'operating-system';
  'bom-ref': string;
  group?: string;
  name: string;
  version?: string;
  description?: string;
  scope?: 'required' | 'excluded';
  hashes?: CycloneDxHash[];
  purl?: string;
  properties?: Property[];
  components?: Component[];
}

interface BomService {
  'bom-ref': string;
  group?: string;
  name: string;
  endpoints?: string[];
  properties: Property[];
}

interface Dependency {
  ref: string;
  dependsOn: string[];
}

/**
 * The inventory as a CycloneDX 1.6 JSON BOM: packages and base images as components, external
 * services as services, and the dependency graph. Every list is sorted, so the same inventory
 * gives the same document apart from serial number and timestamp.
 */
export function renderCycloneDx(input: CycloneDxInput): string {
  const rootName = path.basename(path.resolve(input.root)) || input.root;
  const rootRef = `app:${rootName}`;
  const images = [...imageComponents(input.images), ...(input.rootfs ? [rootfsComponent(input.rootfs)] : [])];
  const services = bomServices(input.services);
  const unresolved = input.inventory.unresolved;
  const bom = {
    $schema: 'http://cyclonedx.org/schema/bom-1.6.schema.json',
    bomFormat: 'CycloneDX',
    specVersion: '1.6',
    serialNumber: input.serialNumber ?? `urn:uuid:${randomUUID()}`,
    version: 1,
    metadata: {
      timestamp: input.timestamp,
      // Read from source, manifests and lockfiles, before anything is built; an unpacked image is built.
      lifecycles: input.rootfs ? [{ phase: 'pre-build' }, { phase: 'post-build' }] : [{ phase: 'pre-build' }],
      tools: { components: [{ type: 'application', name: 'pipewarden', version: input.toolVersion }] },
      component: { type: 'application', 'bom-ref': rootRef, name: rootName },
      ...(unresolved.length > 0
        ? { properties: sortedProperties(unresolved.map((u) => ({ name: 'pipewarden:unresolved-dependencies', value: `${u.name}: ${u.reason}` }))) }
        : {}),
    },
    components: byRef([...input.inventory.packages.map(packageComponent), ...images]),
    services: byRef(services),
    dependencies: dependencyGraph(rootRef, input.inventory.packages, images, services, new Set(unresolved.map((u) => u.name))),
  };
  return `${JSON.stringify(bom, null, 2)}\n`;
}

/**
 * Dev dependencies get scope "excluded": CycloneDX reserves it for components used "for test and
 * other non-runtime purposes" that are "not reachable within a call graph at runtime", which is
 * what a dev dependency is. "optional" would claim the package may be present at runtime.
 */
function packageComponent(p: InventoryPackage): Component {
  // npm scopes are CycloneDX groups (`@babel` / `core`), as the CycloneDX npm tooling writes them.
  const scoped = p.ecosystem === 'npm' ? /^(@[^/]+)\/(.+)$/.exec(p.name) : null;
  const hashes = cycloneDxHashes(p.hashes);
  return {
    type: 'library',
    'bom-ref': p.purl,
    ...(scoped ? { group: scoped[1]!, name: scoped[2]! } : { name: p.name }),
    ...(p.version ? { version: p.version } : {}),
    scope: p.dev ? 'excluded' : 'required',
    ...(hashes.length > 0 ? { hashes } : {}),
    purl: p.purl,
    properties: [
      { name: 'pipewarden:scope', value: p.scope },
      ...p.paths.map((route) => ({ name: 'pipewarden:dependency-path', value: route.join(' → ') })),
      ...[...p.declaredIn].sort(byText).map((file) => ({ name: 'pipewarden:declared-in', value: file })),
    ],
  };
}

/** One component per distinct image, listing every Dockerfile, Compose or manifest line that uses it and what runs it there. */
function imageComponents(images: ContainerImage[]): Component[] {
  const byKey = new Map<string, { component: Component; properties: Property[] }>();
  for (const image of images) {
    const purl = dockerPurl(image);
    // An image with unresolved build arguments has no purl; its reference text identifies it instead.
    const ref = purl ?? `image:${imageReference(image)}`;
    let entry = byKey.get(ref);
    if (!entry) {
      const version = image.tag ?? image.digest;
      const digest = image.digest?.startsWith('sha256:') ? cycloneDxHashes([image.digest]) : [];
      const component: Component = {
        type: 'container',
        'bom-ref': ref,
        name: image.name,
        ...(version ? { version } : {}),
        ...(digest.length > 0 ? { hashes: digest } : {}),
        ...(purl ? { purl } : {}),
      };
      entry = { component, properties: (image.unresolvedArgs ?? []).map((arg) => ({ name: 'pipewarden:unresolved-arg', value: arg })) };
      byKey.set(ref, entry);
    }
    entry.properties.push({ name: 'pipewarden:location', value: `${image.file}:${image.line}` });
    if (image.stage) entry.properties.push({ name: 'pipewarden:stage', value: image.stage });
    if (image.workload) entry.properties.push({ name: 'pipewarden:workload', value: image.workload });
    if (image.platform) entry.properties.push({ name: 'pipewarden:platform', value: image.platform });
  }
  return [...byKey.values()].map(({ component, properties }) => ({ ...component, properties: sortedProperties(properties) }));
}

/**
 * The unpacked image as a container whose components are its operating system and every package
 * installed in it. Their refs are prefixed: the same PyPI package may also be a dependency of the
 * project, and bom-refs are unique within a BOM.
 */
function rootfsComponent(rootfs: RootfsInventory): Component {
  const ref = `rootfs:${path.basename(rootfs.root)}`;
  const { os } = rootfs;
  const system: Component[] = os
    ? [{ type: 'operating-system', 'bom-ref': `${ref}:os`, name: os.id, ...(os.versionId ? { version: os.versionId } : {}), ...(os.prettyName ? { description: os.prettyName } : {}) }]
    : [];
  // A distribution installed in two environments of the image is one component with both locations.
  const packages = new Map<string, { component: Component; properties: Property[] }>();
  for (const p of rootfs.packages) {
    const packageRef = `${ref}:${p.purl}`;
    let entry = packages.get(packageRef);
    if (!entry) {
      const source = p.type !== 'pypi' && p.name !== p.installedName ? [{ name: 'pipewarden:source-package', value: p.name }] : [];
      entry = { component: { type: 'library', 'bom-ref': packageRef, name: p.installedName, version: p.installedVersion, purl: p.purl }, properties: source };
      packages.set(packageRef, entry);
    }
    entry.properties.push({ name: 'pipewarden:location', value: `${p.file}:${p.line}` });
  }
  return {
    type: 'container',
    'bom-ref': ref,
    name: os?.prettyName ?? path.basename(rootfs.root),
    properties: [{ name: 'pipewarden:image-rootfs', value: rootfs.root }],
    components: [...system, ...byRef([...packages.values()].map(({ component, properties }) => ({ ...component, properties: sortedProperties(properties) })))],
  };
}

/**
 * One BOM service per (kind, provider, name): the same bucket or database seen in several files,
 * or under several prefixes, is one service whose endpoints are all the (redacted) URIs seen.
 * Data-flow direction is not known from a literal URI, so `data` is left out.
 */
function bomServices(services: Service[]): BomService[] {
  const byKey = new Map<string, { service: BomService; endpoints: Set<string> }>();
  for (const s of services) {
    const ref = `service:${s.kind}:${s.provider ? `${s.provider}:` : ''}${s.name}`;
    let entry = byKey.get(ref);
    if (!entry) {
      entry = {
        service: { 'bom-ref': ref, ...(s.provider ? { group: s.provider } : {}), name: s.name, properties: [{ name: 'pipewarden:kind', value: s.kind }] },
        endpoints: new Set(),
      };
      byKey.set(ref, entry);
    }
    if (s.uri) entry.endpoints.add(s.uri);
    entry.service.properties.push({ name: 'pipewarden:location', value: `${s.file}:${s.line}` }, { name: 'pipewarden:source', value: s.source });
  }
  return [...byKey.values()].map(({ service, endpoints }) => ({
    ...service,
    ...(endpoints.size > 0 ? { endpoints: [...endpoints].sort(byText) } : {}),
    properties: sortedProperties(service.properties),
  }));
}

/**
 * The root depends on the direct packages, the base images and the services. A package's entry
 * names the packages it depends on; CycloneDX reads an entry with empty `dependsOn` as "depends on
 * nothing", so a package gets one only when its dependencies are known: it has some, or a lockfile
 * recorded it (lockfiles list every dependency) and resolution did not fail for it. A manifest-only
 * requirement has unknown dependencies and is left out of the graph, as the spec asks.
 */
function dependencyGraph(
  rootRef: string,
  packages: InventoryPackage[],
  images: Component[],
  services: BomService[],
  unresolved: Set<string>,
): Dependency[] {
  const refsByName = new Map<string, string[]>();
  for (const pkg of packages) {
    const key = packageKey(pkg.ecosystem, pkg.name);
    refsByName.set(key, [...(refsByName.get(key) ?? []), pkg.purl]);
  }
  const direct = packages.filter((pkg) => pkg.scope === 'direct').map((pkg) => pkg.purl);
  const graph: Dependency[] = [{ ref: rootRef, dependsOn: [...direct, ...images.map((i) => i['bom-ref']), ...services.map((s) => s['bom-ref'])] }];
  for (const pkg of packages) {
    const dependsOn = pkg.dependencies.flatMap((name) => refsByName.get(packageKey(pkg.ecosystem, name)) ?? []);
    const known = dependsOn.length > 0 || (pkg.declaredIn.some((file) => classify(file, '') === 'lockfile') && !unresolved.has(pkg.name));
    if (known) graph.push({ ref: pkg.purl, dependsOn });
  }
  return graph.map((d) => ({ ref: d.ref, dependsOn: [...new Set(d.dependsOn)].sort(byText) })).sort((a, b) => byText(a.ref, b.ref));
}

/** Inventory dependency names are normalised per ecosystem, so lookups normalise the same way. */
function packageKey(ecosystem: Ecosystem, name: string): string {
  return `${ecosystem}:${ecosystem === 'PyPI' ? normalizePyPIName(name) : name}`;
}

function byRef<T extends { 'bom-ref': string }>(items: T[]): T[] {
  return [...items].sort((a, b) => byText(a['bom-ref'], b['bom-ref']));
}

function sortedProperties(properties: Property[]): Property[] {
  return [...properties].sort((a, b) => byText(a.name, b.name) || byText(a.value, b.value));
}

function byText(a: string, b: string): number {
  return a.localeCompare(b);
}
