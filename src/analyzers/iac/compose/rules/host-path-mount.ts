import { COMPOSE_DOCS, type ComposeRule } from '../compose-rule.js';
import { hostPath, mountsRuntimeSocket, throughVolume, volumeMounts } from '../volumes.js';

interface SensitivePath {
  /** Absolute, or under the home directory as `~/…`. */
  path: string;
  label: string;
  /** Whether paths below it are as sensitive (`/etc/ssl`), or only the path itself (`/`, a whole home directory). */
  subpaths: boolean;
  /** Writable, it lets the container change how the host runs or act with its credentials: high rather than medium. */
  highWhenWritable: boolean;
}

const credentials = (dir: string, label: string): SensitivePath => ({ path: `~/${dir}`, label, subpaths: true, highWhenWritable: true });

/** Host paths no container should see; the first that matches describes a mount. */
const SENSITIVE: readonly SensitivePath[] = [
  { path: '/', label: 'the host’s whole filesystem', subpaths: false, highWhenWritable: true },
  { path: '/etc', label: 'host configuration: users, sudoers, cron, service units', subpaths: true, highWhenWritable: true },
  { path: '/root', label: 'root’s home directory', subpaths: true, highWhenWritable: true },
  { path: '/boot', label: 'the kernel and boot loader', subpaths: true, highWhenWritable: true },
  { path: '/var/lib/docker', label: 'every container’s filesystem and volumes', subpaths: true, highWhenWritable: true },
  { path: '/proc', label: 'the host’s processes and kernel settings', subpaths: true, highWhenWritable: true },
  { path: '/sys', label: 'kernel and device settings', subpaths: true, highWhenWritable: true },
  { path: '/dev', label: 'the host’s devices', subpaths: true, highWhenWritable: false },
  { path: '/run', label: 'runtime state and service sockets', subpaths: true, highWhenWritable: false },
  { path: '/var/run', label: 'runtime state and service sockets', subpaths: true, highWhenWritable: false },
  { path: '/home', label: 'every user’s home directory', subpaths: false, highWhenWritable: true },
  { path: '/Users', label: 'every user’s home directory', subpaths: false, highWhenWritable: true },
  { path: '~', label: 'a whole home directory, credentials included', subpaths: false, highWhenWritable: true },
  credentials('.ssh', 'SSH keys'),
  credentials('.aws', 'AWS credentials'),
  credentials('.kube', 'Kubernetes credentials'),
  credentials('.docker', 'registry credentials'),
  credentials('.config/gcloud', 'Google Cloud credentials'),
  credentials('.azure', 'Azure credentials'),
  credentials('.pgpass', 'PostgreSQL passwords'),
  credentials('.netrc', 'stored passwords'),
  credentials('.git-credentials', 'Git credentials'),
];

/** Host files that are routinely shared and say nothing secret: the time zone, name resolution, the public CA certificates. */
const HARMLESS = new Set(['/etc/localtime', '/etc/timezone', '/etc/hosts', '/etc/hostname', '/etc/resolv.conf', '/etc/ssl/certs', '/etc/ca-certificates', '/etc/pki/ca-trust']);
/** One application's configuration file directly in /etc (`/etc/agent.yaml`): the host's, but not its users, sudoers or services. */
const APP_CONFIG_FILE = /^\/etc\/[\w.-]+\.(ya?ml|json|conf|cfg|ini|toml|xml|properties)$/;
/** Files of /etc that hold the host's accounts and privileges, whatever their extension. */
const ACCOUNT_FILES = /^\/etc\/(passwd|shadow|group|gshadow|sudoers|sudo\.conf|login\.defs|pam\.conf|nsswitch\.conf)$/;

/** Where runtime sockets live: a mount of a directory above one hands out the socket too. */
const RUNTIME_SOCKETS = ['/var/run/docker.sock', '/run/docker.sock', '/run/containerd', '/run/crio', '/run/podman'];

const isBelow = (path: string, dir: string): boolean => path.startsWith(dir === '/' ? '/' : `${dir}/`) && path !== dir;

/** What a host path exposes, or undefined when it is not one to worry about. */
function sensitivity(host: string): { label: string; highWhenWritable: boolean; socket: boolean } | undefined {
  // /home/alice/.ssh is ~/.ssh, as far as what it holds goes.
  const path = host.replace(/^\/(home|Users)\/[^/]+(?=\/|$)/, '~');
  if (HARMLESS.has(path) || [...HARMLESS].some((h) => isBelow(path, h))) return undefined;
  if (APP_CONFIG_FILE.test(path) && !ACCOUNT_FILES.test(path)) return { label: 'a configuration file of the host', highWhenWritable: false, socket: false };
  const socket = RUNTIME_SOCKETS.some((s) => s === path || isBelow(s, path));
  const match = SENSITIVE.find((s) => s.path === path || (s.subpaths && isBelow(path, s.path)));
  if (match) return { label: match.label, highWhenWritable: match.highWhenWritable, socket };
  // A directory above sensitive ones (/var, /var/lib, ~/.config) exposes them all.
  const below = SENSITIVE.filter((s) => isBelow(s.path, path));
  if (below.length === 0) return undefined;
  return { label: `holds ${below.map((s) => s.path).join(', ')}`, highWhenWritable: below.some((s) => s.highWhenWritable), socket };
}

export const composeHostPathMount: ComposeRule = {
  id: 'compose.host-path-mount',
  title: 'Compose service mounts a sensitive host path',
  category: 'iac',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-668'],
  what:
    'Finds bind mounts of /, /etc, /proc, /sys, /boot, /dev, /root, /var/lib/docker, /run, /var/run, whole home ' +
    'directories and credential directories (~/.ssh, ~/.aws, ~/.kube, ~/.docker, ~/.config/gcloud, also as $HOME/… or ' +
    '/home/<user>/…), and of directories above them, also when a named volume binds one (the local driver’s ' +
    '`driver_opts: {type: none, o: bind, device: …}`). Medium; high when mounted writable and the path lets the container ' +
    'change the host or use its credentials (/, /etc, /root, /boot, /var/lib/docker, /proc, /sys, home and credential ' +
    'directories), or when the runtime socket lies inside it. Relative paths and named volumes are fine, ' +
    'so are the time zone, /etc/hosts, /etc/resolv.conf and the public CA certificates, and one application configuration ' +
    'file in /etc (`/etc/agent.yaml`) is medium whatever the mode; runtime sockets and the directories that hold them ' +
    '(/run, /var/run) are compose.runtime-socket’s finding.',
  why:
    'A bind mount reaches past the container onto the host: its configuration, other containers’ data, the operator’s ' +
    'cloud and SSH credentials. Mounted writable, it lets a compromised container plant a cron job, an SSH key or a ' +
    'kernel setting the host will act on.',
  remediation:
    'Mount only the project files the service needs (`./config:/etc/app:ro`) or use a named volume; pass credentials as ' +
    'Compose secrets or a narrowly scoped token, not the operator’s whole credentials directory.',
  bad: [
    { file: 'docker-compose.yml', code: 'services:\n  deploy:\n    image: acme/deploy:2.4.0\n    volumes:\n      - ${HOME}/.aws:/root/.aws\n      - /etc:/host/etc\n' },
    {
      file: 'compose.yaml',
      code: 'services:\n  agent:\n    image: acme/agent:1.0.3\n    volumes:\n      - type: bind\n        source: /var/lib/docker\n        target: /var/lib/docker\n        read_only: true\n',
    },
  ],
  good: [
    {
      file: 'docker-compose.yml',
      code: 'services:\n  scheduler:\n    image: apache/airflow:2.10.3\n    volumes:\n      - ./dags:/opt/airflow/dags\n      - airflow-logs:/opt/airflow/logs\n      - /etc/localtime:/etc/localtime:ro\nvolumes:\n  airflow-logs: {}\n',
    },
  ],
  references: [`${COMPOSE_DOCS}#volumes`, 'https://docs.docker.com/engine/storage/bind-mounts/', 'https://cwe.mitre.org/data/definitions/668.html'],
  check(ctx) {
    for (const service of ctx.services) {
      for (const mount of volumeMounts(service)) {
        const host = hostPath(mount);
        if (host === undefined || mountsRuntimeSocket(mount)) continue;
        const found = sensitivity(host);
        if (!found) continue;
        const high = found.socket || (found.highWhenWritable && !mount.readOnly);
        const socket = found.socket ? `; the container runtime socket is inside it${mount.readOnly ? ', and read-only does not stop a client using it' : ''}` : '';
        ctx.report(service, mount.path, {
          message: `Service "${service.name}" mounts the host path ${host}${throughVolume(mount)} (${found.label}) ${mount.readOnly ? 'read-only' : 'writable'}${socket}`,
          severity: high ? 'high' : 'medium',
        });
      }
    }
  },
};
