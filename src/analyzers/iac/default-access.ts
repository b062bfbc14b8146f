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
  open(start: ContainerStart, version: number | undefined): Reason | undefined;
}

/** Why a start is open; `variable` when a variable is written with the default password. */
interface Reason {
  reason: string;
  variable?: string;
}

/** Some variable in `names` may be set: the file sets it (to anything), or loads variables it does not list. */
function maySet(start: ContainerStart, names: readonly string[]): boolean {
  return start.moreEnv || names.some((name) => start.env.has(name));
}

/** Something is mounted at one of `paths`, or under one of them that ends in `/`. */
function mountedAt(start: ContainerStart, paths: readonly string[]): boolean {
  return start.mounts.some((m) => paths.some((p) => m === p.replace(/\/$/, '') || (p.endsWith('/') && m.startsWith(p))));
}

/** The first of `names` the file sets to a literal, with its value. */
function literal(start: ContainerStart, names: readonly string[]): [string, string] | undefined {
  for (const name of names) {
    const value = start.env.get(name);
    if (value !== undefined) return [name, value];
  }
  return undefined;
}

/** Where a service's password may be set besides its variables: other variables, configuration files mounted in. */
interface PasswordSources {
  variables: readonly string[];
  others: readonly string[];
  configMounts: readonly string[];
}

/**
 * A variable written with the default password (the variable wins over a configuration file), or
 * the password left unset with nothing else that could set it, as a reason.
 */
function defaultPassword(start: ContainerStart, sources: PasswordSources, password: string, account: string): Reason | undefined {
  const written = literal(start, sources.variables);
  if (written) return written[1] === password ? { reason: `${written[0]} is set to the default password ${password}`, variable: written[0] } : undefined;
  if (maySet(start, [...sources.variables, ...sources.others]) || mountedAt(start, sources.configMounts)) return undefined;
  return { reason: `${sources.variables[0]} is not set, so ${account}` };
}

const DEFAULT_ACCESS: readonly DefaultAccess[] = [
  {
    product: 'MinIO',
    cwe: 'CWE-1393',
    images: ['minio/minio'],
    open: (start) =>
      defaultPassword(
        start,
        { variables: ['MINIO_ROOT_PASSWORD', 'MINIO_SECRET_KEY'], others: ['MINIO_ROOT_PASSWORD_FILE', 'MINIO_SECRET_KEY_FILE', 'MINIO_CONFIG_ENV_FILE'], configMounts: [] },
        'minioadmin',
        'the root account is minioadmin/minioadmin',
      ),
  },
  {
    product: 'Grafana',
    cwe: 'CWE-1393',
    images: ['grafana/grafana', 'grafana/grafana-oss', 'grafana/grafana-enterprise'],
    // Provisioning (/etc/grafana/provisioning) sets data sources and dashboards, not the admin password: grafana.ini does.
    open: (start) =>
      defaultPassword(
        start,
        { variables: ['GF_SECURITY_ADMIN_PASSWORD'], others: ['GF_SECURITY_ADMIN_PASSWORD__FILE', 'GF_PATHS_CONFIG'], configMounts: ['/etc/grafana', '/etc/grafana/grafana.ini'] },
        'admin',
        'the admin account’s password is admin',
      ),
  },
  {
    // The image lets the guest account in from other hosts (its configuration sets loopback_users.guest = false).
    product: 'RabbitMQ',
    cwe: 'CWE-1393',
    images: ['rabbitmq'],
    open: (start) =>
      defaultPassword(
        start,
        { variables: ['RABBITMQ_DEFAULT_PASS'], others: ['RABBITMQ_DEFAULT_PASS_FILE', 'RABBITMQ_CONFIG_FILE', 'RABBITMQ_CONFIG_FILES'], configMounts: ['/etc/rabbitmq/'] },
        'guest',
        'the default account’s password is guest (guest/guest unless RABBITMQ_DEFAULT_USER names another)',
      ),
  },
  {
    product: 'MongoDB',
    cwe: 'CWE-306',
    images: ['mongo'],
    open(start) {
      if (maySet(start, ['MONGO_INITDB_ROOT_USERNAME', 'MONGO_INITDB_ROOT_USERNAME_FILE']) || /(^|\s)(--auth|--keyFile|--config|-f)(\s|=|$)/.test(start.command)) return undefined;
      return { reason: 'MONGO_INITDB_ROOT_USERNAME is not set and mongod runs without --auth, so every client that reaches it is an administrator' };
    },
  },
  {
    // The image builds Redis with protected mode off by default; an explicit --protected-mode is redis.open-without-password's to judge.
    product: 'Redis',
    cwe: 'CWE-306',
    images: ['redis'],
    open(start) {
      if (/--(requirepass|aclfile|protected-mode)\b|\.conf(\s|$)/.test(start.command)) return undefined;
      return { reason: 'redis-server runs without requirepass and the image turns protected mode off, so every client that reaches it reads and writes every key' };
    },
  },
  {
    // Security is on by default from Elasticsearch 8.0; before, it has to be switched on. Switched off
    // explicitly (xpack.security.enabled=false) is search.security-disabled's finding.
    product: 'Elasticsearch',
    cwe: 'CWE-306',
    images: ['elasticsearch', 'elasticsearch/elasticsearch'],
    open(start, version) {
      if (version === undefined || version >= 8 || maySet(start, ['xpack.security.enabled']) || mountedAt(start, ['/usr/share/elasticsearch/config/'])) return undefined;
      return { reason: `Elasticsearch ${version} runs without security unless xpack.security.enabled is true, so every client that reaches it reads and deletes every index` };
    },
  },
];

/** Why a container is open to whoever reaches it, and the weakness that is. */
export interface OpenAccess {
  /** "Product (image): reason". */
  message: string;
  /** The variable written with the default password, where that is the reason: findings point at it. */
  variable?: string;
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
  return reason === undefined ? undefined : { message: `${known.product} (${start.image}): ${reason.reason}`, cwe: known.cwe, ...(reason.variable ? { variable: reason.variable } : {}) };
}
