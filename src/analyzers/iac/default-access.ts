import { parseImageRef, repositoryPath } from '../../inventory/containers.js';

/** The images and settings the default-credentials rules know, for their docs. */
export const DEFAULT_ACCESS_SUMMARY =
  'MinIO without MINIO_ROOT_PASSWORD (root minioadmin/minioadmin), Grafana without GF_SECURITY_ADMIN_PASSWORD (admin/admin), ' +
  'RabbitMQ without RABBITMQ_DEFAULT_PASS (guest/guest, which the image lets in from other hosts), MongoDB without ' +
  'MONGO_INITDB_ROOT_USERNAME or --auth, Redis without requirepass (the image turns protected mode off) and Elasticsearch ' +
  'before 8 without xpack.security.enabled — or with the default password written out.';

/** Why a default account or a missing password matters, for the rules' docs. */
export const DEFAULT_ACCESS_WHY =
  'Scanners try the default accounts of MinIO, Grafana and RabbitMQ first, and an unauthenticated MongoDB, Redis or ' +
  'Elasticsearch answers every client that reaches it: the landing bucket, the broker’s task messages and the feature ' +
  'store are read, rewritten or wiped by whoever gets a foothold on its network.';

/** How a Compose service or a Kubernetes container starts its image, as far as the file says. */
export interface ContainerStart {
  image: string;
  /** Variables the file sets: the value as written, or undefined where it comes from elsewhere (a Secret, the shell, `${VAR}`). */
  env: ReadonlyMap<string, string | undefined>;
  /** The file also loads variables it does not list (Compose `env_file`, Kubernetes `envFrom`): any of them may be set. */
  moreEnv: boolean;
  /** Container paths something is mounted at: a configuration file there may set what the variables do not. */
  mounts: readonly string[];
  /** The command and its arguments joined by spaces; empty when the image's own runs. */
  command: string;
}

/** A service image that is open to whoever reaches it unless the deployment says otherwise. */
interface DefaultAccess {
  product: string;
  /** A well-known password (CWE-1393) or no authentication at all (CWE-306). */
  cwe: 'CWE-1393' | 'CWE-306';
  /** Repository paths of its images (registry and `library/` left out). */
  images: readonly string[];
  /** Why this start leaves it open, or undefined when the file closes it or cannot tell. */
  open(start: ContainerStart, version: number | undefined): string | undefined;
}

/** Some variable in `names` may be set: the file sets it (to anything), or loads variables it does not list. */
function maySet(start: ContainerStart, names: readonly string[]): boolean {
  return start.moreEnv || names.some((name) => start.env.has(name));
}

function mountedUnder(start: ContainerStart, dir: string): boolean {
  return start.mounts.some((m) => m === dir || m.startsWith(`${dir}/`));
}

/** The first of `names` the file sets to a literal, with its value. */
function literal(start: ContainerStart, names: readonly string[]): [string, string] | undefined {
  for (const name of names) {
    const value = start.env.get(name);
    if (value !== undefined) return [name, value];
  }
  return undefined;
}

/** The default password a variable is written with, or the variables being unset, as a reason. */
function defaultPassword(start: ContainerStart, variables: readonly string[], others: readonly string[], password: string, account: string): string | undefined {
  const written = literal(start, variables);
  if (written) return written[1] === password ? `${written[0]} is set to the default password ${password}` : undefined;
  if (maySet(start, [...variables, ...others])) return undefined;
  return `${variables[0]} is not set, so ${account}`;
}

const DEFAULT_ACCESS: readonly DefaultAccess[] = [
  {
    product: 'MinIO',
    cwe: 'CWE-1393',
    images: ['minio/minio'],
    open: (start) =>
      defaultPassword(start, ['MINIO_ROOT_PASSWORD', 'MINIO_SECRET_KEY'], ['MINIO_ROOT_PASSWORD_FILE', 'MINIO_SECRET_KEY_FILE', 'MINIO_CONFIG_ENV_FILE'], 'minioadmin', 'the root account is minioadmin/minioadmin'),
  },
  {
    product: 'Grafana',
    cwe: 'CWE-1393',
    images: ['grafana/grafana', 'grafana/grafana-oss', 'grafana/grafana-enterprise'],
    open: (start) =>
      mountedUnder(start, '/etc/grafana') ? undefined : defaultPassword(start, ['GF_SECURITY_ADMIN_PASSWORD'], ['GF_SECURITY_ADMIN_PASSWORD__FILE', 'GF_PATHS_CONFIG'], 'admin', 'the admin account’s password is admin'),
  },
  {
    // The image lets the guest account in from other hosts (its configuration sets loopback_users.guest = false).
    product: 'RabbitMQ',
    cwe: 'CWE-1393',
    images: ['rabbitmq'],
    open: (start) =>
      mountedUnder(start, '/etc/rabbitmq') ? undefined : defaultPassword(start, ['RABBITMQ_DEFAULT_PASS'], ['RABBITMQ_DEFAULT_PASS_FILE', 'RABBITMQ_CONFIG_FILE', 'RABBITMQ_CONFIG_FILES'], 'guest', 'the default account’s password is guest (guest/guest unless RABBITMQ_DEFAULT_USER names another)'),
  },
  {
    product: 'MongoDB',
    cwe: 'CWE-306',
    images: ['mongo'],
    open(start) {
      if (maySet(start, ['MONGO_INITDB_ROOT_USERNAME', 'MONGO_INITDB_ROOT_USERNAME_FILE']) || /(^|\s)(--auth|--keyFile|--config|-f)(\s|=|$)/.test(start.command)) return undefined;
      return 'MONGO_INITDB_ROOT_USERNAME is not set and mongod runs without --auth, so every client that reaches it is an administrator';
    },
  },
  {
    // The image builds Redis with protected mode off by default; an explicit --protected-mode is redis.open-without-password's to judge.
    product: 'Redis',
    cwe: 'CWE-306',
    images: ['redis'],
    open(start) {
      if (/--(requirepass|aclfile|protected-mode)\b|\.conf(\s|$)/.test(start.command)) return undefined;
      return 'redis-server runs without requirepass and the image turns protected mode off, so every client that reaches it reads and writes every key';
    },
  },
  {
    // Security is on by default from Elasticsearch 8.0; before, it has to be switched on.
    product: 'Elasticsearch',
    cwe: 'CWE-306',
    images: ['elasticsearch', 'elasticsearch/elasticsearch'],
    open(start, version) {
      if (version === undefined || version >= 8 || mountedUnder(start, '/usr/share/elasticsearch/config') || start.moreEnv) return undefined;
      const enabled = start.env.get('xpack.security.enabled');
      if (start.env.has('xpack.security.enabled') && !/^false$/i.test(enabled ?? '')) return undefined;
      return `Elasticsearch ${version} runs without security unless xpack.security.enabled is true, so every client that reaches it reads and deletes every index`;
    },
  },
];

/** Why a container is open to whoever reaches it, and the weakness that is. */
export interface OpenAccess {
  /** "Product (image): reason". */
  message: string;
  cwe: string;
}

/**
 * Why the container's image is open to whoever reaches it — its well-known default password, or no
 * authentication at all; undefined when the file sets it up or leaves something unknown that could.
 */
export function defaultAccessOf(start: ContainerStart): OpenAccess | undefined {
  const ref = parseImageRef(start.image);
  const repository = repositoryPath(ref.name);
  const known = DEFAULT_ACCESS.find((d) => d.images.includes(repository));
  if (!known || start.image.includes('${')) return undefined;
  const major = /^v?(\d+)/.exec(ref.tag ?? '')?.[1];
  const reason = known.open(start, major === undefined ? undefined : Number(major));
  return reason === undefined ? undefined : { message: `${known.product} (${start.image}): ${reason}`, cwe: known.cwe };
}
