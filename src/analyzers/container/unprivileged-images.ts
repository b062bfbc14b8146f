import type { ContainerImage } from '../../inventory/containers.js';

interface UnprivilegedImage {
  /** Repository, without a `docker.io/` prefix. */
  name: RegExp;
  /** The user the image's own Dockerfile ends with. */
  user: string;
  /** First major version of the tag that ends with that user (older ones ran as root). */
  since?: number;
}

/**
 * Published images whose Dockerfile ends with an unprivileged USER, so an image built on them runs
 * as that user unless its own Dockerfile switches back. Each fact is from the image's published
 * Dockerfile; images that start as root and drop privileges in their entrypoint are not listed.
 */
const UNPRIVILEGED: readonly UnprivilegedImage[] = [
  { name: /^apache\/airflow$/, user: 'airflow (uid 50000)' },
  { name: /^(quay\.io\/astronomer\/astro-runtime|astrocrpublic\.azurecr\.io\/runtime)$/, user: 'astro' },
  { name: /^(quay\.io\/)?jupyter\/[^/]+$|^jupyterhub\/singleuser$/, user: 'jovyan (NB_UID 1000)' },
  { name: /^bitnami\/(?!minideb$)[^/]+$/, user: '1001' },
  { name: /^(library\/)?spark$|^apache\/spark(-py)?$/, user: 'spark (uid 185)' },
  { name: /^gcr\.io\/spark-operator\/spark(-py)?$/, user: '185', since: 3 },
  { name: /^confluentinc\/cp-[^/]+$/, user: 'appuser', since: 6 },
  { name: /^apache\/kafka(-native)?$/, user: 'appuser' },
  { name: /^apache\/superset$/, user: 'superset' },
  { name: /^apache\/nifi$/, user: 'nifi' },
];

/** The unprivileged user a base image runs as by itself, or undefined when it runs as root or is not known. */
export function unprivilegedUser(image: Pick<ContainerImage, 'name' | 'tag'>): string | undefined {
  // Distroless and similar images publish a `nonroot` variant by tag.
  if (/(^|-)nonroot($|-)/.test(image.tag ?? '')) return 'nonroot';
  const name = image.name.toLowerCase().replace(/^(index\.)?docker\.io\//, '');
  const known = UNPRIVILEGED.find((i) => i.name.test(name));
  if (!known) return undefined;
  if (known.since === undefined) return known.user;
  const major = Number(/^v?(\d+)/.exec(image.tag ?? '')?.[1]);
  return major >= known.since ? known.user : undefined;
}
