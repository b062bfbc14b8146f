import { repositoryPath } from '../../inventory/containers.js';

/**
 * End-of-life dates of the runtimes, distributions and servers that pipeline images are built on or run, as the
 * projects publish them (collected on endoflife.date). For Debian the date is the end of LTS, for
 * Ubuntu the end of standard (free) security maintenance, for the others the end of upstream
 * security fixes. Facts, dated: extend the table as releases reach their end.
 */

export type Product = 'python' | 'node' | 'debian' | 'ubuntu' | 'alpine' | 'postgres';

export interface EolRelease {
  product: Product;
  release: string;
  codename?: string;
  /** YYYY-MM-DD: the first day without security fixes. */
  eol: string;
}

export const PRODUCT_NAMES: Record<Product, string> = { python: 'Python', node: 'Node.js', debian: 'Debian', ubuntu: 'Ubuntu', alpine: 'Alpine Linux', postgres: 'PostgreSQL' };

const table = (product: Product, rows: Array<[release: string, eol: string, codename?: string]>): EolRelease[] =>
  rows.map(([release, eol, codename]) => ({ product, release, eol, ...(codename ? { codename } : {}) }));

export const EOL_RELEASES: readonly EolRelease[] = [
  ...table('python', [
    ['2.7', '2020-01-01'], ['3.4', '2019-03-18'], ['3.5', '2020-09-30'], ['3.6', '2021-12-23'], ['3.7', '2023-06-27'], ['3.8', '2024-10-07'],
    ['3.9', '2025-10-31'], ['3.10', '2026-10-31'], ['3.11', '2027-10-31'], ['3.12', '2028-10-31'], ['3.13', '2029-10-31'], ['3.14', '2030-10-31'],
  ]),
  ...table('node', [
    ['8', '2019-12-31'], ['10', '2021-04-30'], ['12', '2022-04-30'], ['13', '2020-06-01'], ['14', '2023-04-30'], ['15', '2021-06-01'],
    ['16', '2023-09-11'], ['17', '2022-06-01'], ['18', '2025-04-30'], ['19', '2023-06-01'], ['20', '2026-04-30'], ['21', '2024-06-01'],
    ['22', '2027-04-30'], ['23', '2025-06-01'], ['24', '2028-04-30'],
  ]),
  ...table('debian', [
    ['7', '2018-05-31', 'wheezy'], ['8', '2020-06-30', 'jessie'], ['9', '2022-06-30', 'stretch'], ['10', '2024-06-30', 'buster'],
    ['11', '2026-08-31', 'bullseye'], ['12', '2028-06-30', 'bookworm'], ['13', '2030-06-30', 'trixie'],
  ]),
  ...table('ubuntu', [
    ['12.04', '2017-04-28', 'precise'], ['14.04', '2019-04-30', 'trusty'], ['16.04', '2021-04-30', 'xenial'], ['18.04', '2023-05-31', 'bionic'],
    ['20.04', '2025-05-31', 'focal'], ['22.04', '2027-06-01', 'jammy'], ['22.10', '2023-07-20', 'kinetic'], ['23.04', '2024-01-25', 'lunar'],
    ['23.10', '2024-07-11', 'mantic'], ['24.04', '2029-05-31', 'noble'], ['24.10', '2025-07-10', 'oracular'],
  ]),
  ...table('alpine', [
    ['3.7', '2019-11-01'], ['3.8', '2020-05-01'], ['3.9', '2020-11-01'], ['3.10', '2021-05-01'], ['3.11', '2021-11-01'], ['3.12', '2022-05-01'],
    ['3.13', '2022-11-01'], ['3.14', '2023-05-01'], ['3.15', '2023-11-01'], ['3.16', '2024-05-23'], ['3.17', '2024-11-22'], ['3.18', '2025-05-09'],
    ['3.19', '2025-11-01'], ['3.20', '2026-04-01'], ['3.21', '2026-11-01'], ['3.22', '2027-05-01'], ['3.23', '2027-11-01'],
  ]),
  ...table('postgres', [
    ['9.4', '2020-02-13'], ['9.5', '2021-02-11'], ['9.6', '2021-11-11'], ['10', '2022-11-10'], ['11', '2023-11-09'], ['12', '2024-11-21'],
    ['13', '2025-11-13'], ['14', '2026-11-12'], ['15', '2027-11-11'], ['16', '2028-11-09'], ['17', '2029-11-08'], ['18', '2030-11-14'],
  ]),
];

/** The table's entry for a release ("3.7") or codename ("buster"), if the table knows it. */
export function findRelease(product: Product, releaseOrCodename: string): EolRelease | undefined {
  const wanted = releaseOrCodename.toLowerCase();
  return EOL_RELEASES.find((r) => r.product === product && (r.release === wanted || r.codename === wanted));
}

/** True when the release no longer gets security fixes on `now`. */
export function isPastEol(release: EolRelease, now: Date): boolean {
  return now.toISOString().slice(0, 10) >= release.eol;
}

/** "Python 3.7", "Debian 10 (buster)". */
export function describeRelease(release: EolRelease): string {
  return `${PRODUCT_NAMES[release.product]} ${release.release}${release.codename ? ` (${release.codename})` : ''}`;
}

/** The official PostgreSQL image and Bitnami's, both tagged with the server's version. */
const POSTGRES_IMAGES = ['postgres', 'bitnami/postgresql'];

/** Docker Hub's per-architecture copies of the official images (`i386/node`, `arm64v8/python`), tagged as the originals. */
const ARCHITECTURES = /^(?:amd64|arm32v5|arm32v6|arm32v7|arm64v8|i386|mips64le|ppc64le|riscv64|s390x|windows-amd64)\//;
/** CircleCI's convenience images (`cimg/python:3.9.18`, the older `circleci/node:13.8.0`), tagged with the runtime's version. */
const CONVENIENCE = /^(?:cimg|circleci)\/(python|node|postgres)$/;

/** The official image a repository copies: `i386/node` is `node`, `cimg/python` is `python`. */
function officialRepository(repository: string): string {
  const plain = repository.replace(ARCHITECTURES, '');
  return CONVENIENCE.exec(plain)?.[1] ?? plain;
}

const CODENAMES = new Map(EOL_RELEASES.filter((r) => r.codename).map((r) => [r.codename!, r.product]));

/**
 * The releases an image reference names: the runtime or server of an official image (or of its
 * per-architecture copy, or CircleCI's convenience image of it) from its tag (`python:3.7-slim` →
 * Python 3.7, `postgres:11-alpine` → PostgreSQL 11, `cimg/node:16.20` → Node.js 16) and the distribution
 * from the tag or its suffix (`-buster`, `-alpine3.12`, Bitnami's `-debian-11-r4`, CUDA's
 * `-ubuntu22.04`, `debian:10`, `ubuntu:bionic`). Moving tags (`3`, `lts`, `alpine`) name no
 * single release and yield nothing.
 */
export function releasesOfImage(name: string, tag: string | undefined): EolRelease[] {
  if (!tag) return [];
  const repository = officialRepository(repositoryPath(name));
  const found: Array<EolRelease | undefined> = [];
  const version = /^v?(\d+(?:\.\d+)?)/.exec(tag)?.[1];
  if (repository === 'python' && version) found.push(findRelease('python', version));
  if (repository === 'node' && version) found.push(findRelease('node', version.split('.')[0]!));
  if (repository === 'debian' && version) found.push(findRelease('debian', version.split('.')[0]!));
  if (repository === 'ubuntu' && version) found.push(findRelease('ubuntu', version));
  if (repository === 'alpine' && version) found.push(findRelease('alpine', version));
  // From 10 on the major version is one number (15.4 is PostgreSQL 15); before, two (9.6.24 is 9.6).
  if (POSTGRES_IMAGES.includes(repository) && version) found.push(findRelease('postgres', Number(version.split('.')[0]) >= 10 ? version.split('.')[0]! : version));
  const parts = tag.toLowerCase().split('-');
  parts.forEach((part, i) => {
    const product = CODENAMES.get(part.replace(/\d+$/, ''));
    if (product) found.push(findRelease(product, part.replace(/\d+$/, '')));
    const alpine = /^alpine(\d+\.\d+)/.exec(part);
    if (alpine) found.push(findRelease('alpine', alpine[1]!));
    const ubuntu = /^ubuntu(\d+\.\d+)$/.exec(part);
    if (ubuntu) found.push(findRelease('ubuntu', ubuntu[1]!));
    // Bitnami's `16.4.0-debian-12-r5`.
    if (part === 'debian' && /^\d+$/.test(parts[i + 1] ?? '')) found.push(findRelease('debian', parts[i + 1]!));
  });
  const unique = new Set(found.filter((r): r is EolRelease => r !== undefined));
  return [...unique];
}
