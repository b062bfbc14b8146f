import { COMPOSE_DOCS, type ComposeRule } from '../compose-rule.js';
import { mountsRuntimeSocket, throughVolume, volumeMounts } from '../volumes.js';

export const composeRuntimeSocket: ComposeRule = {
  id: 'compose.runtime-socket',
  title: 'Compose service mounts the container runtime socket (docker.sock)',
  category: 'iac',
  severity: 'critical',
  confidence: 'high',
  cwe: ['CWE-250'],
  what:
    'Finds volumes that mount docker.sock, containerd.sock, crio.sock, podman.sock and similar runtime sockets (or their ' +
    'directory — /run and /var/run included — or Docker’s Windows pipe), in short and long syntax, read-only or not, and ' +
    'named volumes whose local driver binds one (`driver_opts: {type: none, o: bind, device: /var/run/docker.sock}`).',
  why:
    'Whoever can talk to the runtime socket can start a privileged container with the host’s root filesystem mounted: ' +
    'that is root on the host, and every other service’s data and secrets. `:ro` does not help — it stops writes to the ' +
    'socket file, not connections to the API behind it.',
  remediation:
    'Do not mount the runtime socket. Build images with a rootless builder (BuildKit rootless, kaniko); if a tool must see ' +
    'containers, put a filtering proxy (such as docker-socket-proxy) in front that allows only the read calls it needs.',
  bad: [
    {
      file: 'docker-compose.yml',
      code: 'services:\n  airflow-worker:\n    image: apache/airflow:2.10.3\n    volumes:\n      - /var/run/docker.sock:/var/run/docker.sock:ro\n',
    },
    {
      file: 'compose.yaml',
      code: 'services:\n  runner:\n    image: acme/runner:3.1.0\n    volumes:\n      - type: bind\n        source: /run/containerd/containerd.sock\n        target: /run/containerd/containerd.sock\n',
    },
  ],
  good: [
    {
      file: 'docker-compose.yml',
      code: 'services:\n  airflow-worker:\n    image: apache/airflow:2.10.3\n    volumes:\n      - ./dags:/opt/airflow/dags:ro\n      - logs:/opt/airflow/logs\nvolumes:\n  logs: {}\n',
    },
  ],
  references: [`${COMPOSE_DOCS}#volumes`, 'https://docs.docker.com/engine/security/#docker-daemon-attack-surface', 'https://cwe.mitre.org/data/definitions/250.html'],
  check(ctx) {
    for (const service of ctx.services) {
      for (const mount of volumeMounts(service)) {
        if (!mountsRuntimeSocket(mount)) continue;
        const where = mount.unresolved ? `${mount.source} (mounted at ${mount.target})` : mount.source;
        const readOnly = mount.readOnly ? ' — read-only, which still lets it use the API' : '';
        ctx.report(service, mount.path, {
          message: `Service "${service.name}" mounts the container runtime socket ${where}${throughVolume(mount)}${readOnly}: root on the host`,
          ...(mount.unresolved ? { confidence: 'medium' as const } : {}),
        });
      }
    }
  },
};
