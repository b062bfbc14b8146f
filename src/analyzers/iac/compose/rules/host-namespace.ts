import type { Severity } from '../../../../core/finding.js';
import { COMPOSE_DOCS, type ComposeRule } from '../compose-rule.js';

/** The service keys that take `host`, the namespace each shares, and how much that gives away (as the k8s.host-* rules rate it). */
const NAMESPACES: ReadonlyArray<{ key: string; namespace: string; severity: Severity }> = [
  { key: 'network_mode', namespace: 'network', severity: 'high' },
  { key: 'pid', namespace: 'PID', severity: 'high' },
  { key: 'ipc', namespace: 'IPC', severity: 'medium' },
  { key: 'userns_mode', namespace: 'user', severity: 'medium' },
  { key: 'uts', namespace: 'UTS', severity: 'low' },
  { key: 'cgroup', namespace: 'cgroup', severity: 'low' },
];

export const composeHostNamespace: ComposeRule = {
  id: 'compose.host-namespace',
  title: 'Compose service shares a host namespace',
  category: 'iac',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-668'],
  what:
    'Finds `network_mode: host`, `pid: host`, `ipc: host`, `userns_mode: host`, `uts: host` and `cgroup: host`. Severity is ' +
    'high for the network and PID namespaces, medium for IPC and user, low for UTS and cgroup. Sharing another ' +
    'service’s namespace (`network_mode: "service:db"`, `container:…`) is not the host’s and is not reported.',
  why:
    'With the host’s network the container reaches services bound to the host’s localhost and binds the host’s ports; with ' +
    'its PID namespace it sees every process on the host, their command lines and environments (credentials passed as ' +
    'flags or variables); with its IPC namespace, their shared memory. `userns_mode: host` turns off the daemon’s ' +
    'user-namespace remapping, so root in the container is root on the host.',
  remediation:
    'Remove the `host` setting; publish the ports that must be reached (bound to 127.0.0.1 where possible) and let services ' +
    'talk over the Compose network.',
  bad: [
    { file: 'docker-compose.yml', code: 'services:\n  collector:\n    image: acme/collector:2.0.1\n    network_mode: host\n    pid: host\n' },
  ],
  good: [
    {
      file: 'docker-compose.yml',
      code: 'services:\n  db:\n    image: postgres:16.4\n  exporter:\n    image: prometheuscommunity/postgres-exporter:v0.15.0\n    network_mode: "service:db"\n',
    },
  ],
  references: [`${COMPOSE_DOCS}#network_mode`, `${COMPOSE_DOCS}#pid`, 'https://cwe.mitre.org/data/definitions/668.html'],
  check(ctx) {
    for (const service of ctx.services) {
      for (const { key, namespace, severity } of NAMESPACES) {
        const value = service.data[key];
        if (typeof value !== 'string' || value.trim() !== 'host') continue;
        ctx.report(service, [key], { message: `Service "${service.name}" shares the host's ${namespace} namespace (${key}: host)`, severity });
      }
    }
  },
};
