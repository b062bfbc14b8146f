import { reportDockerHostAccess, startsContainer } from '../docker-host-access.js';
import type { PythonRule } from '../python-rule.js';

export const dockerSdkPrivilegedContainer: PythonRule = {
  id: 'py.docker-sdk.privileged-container',
  title: 'Code starts a container that runs privileged or shares the host (docker-py)',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-250', 'CWE-668'],
  what:
    'Finds docker-py (and podman-py) `client.containers.run(…)` and `containers.create(…)` calls with `privileged=True` or ' +
    'the runtime socket mounted (`volumes={"/var/run/docker.sock": {…}}`, `["/var/run/docker.sock:…"]`, or ' +
    '`mounts=[Mount(…, source="/var/run/docker.sock")]`) — critical — and `network_mode="host"`, `pid_mode="host"` or a ' +
    'dangerous `cap_add` (SYS_ADMIN, NET_ADMIN, ALL, …) — high.',
  why:
    'Pipelines start converter, scraper and model containers from code to process the files they ingest. A parser bug ' +
    'or a poisoned input that takes such a container over then owns the machine (privileged, the Docker socket) or its ' +
    'network (the host’s, with the cloud metadata endpoint and the databases bound to localhost).',
  remediation:
    'Drop privileged and the socket mount, mount only the data directory the job needs (read-only where it can be), keep ' +
    'the default bridge network, and add no capabilities.',
  bad: [
    {
      file: 'pipeline/convert.py',
      code:
        'import docker\n\nclient = docker.from_env()\nclient.containers.run("acme/convert:1.4", "convert /in /out", privileged=True,\n' +
        '    volumes={"/var/run/docker.sock": {"bind": "/var/run/docker.sock", "mode": "rw"}})\n',
    },
  ],
  good: [
    {
      file: 'pipeline/convert.py',
      code:
        'import docker\n\nclient = docker.from_env()\nclient.containers.run("acme/convert:1.4", "convert /in /out", cap_drop=["ALL"],\n' +
        '    volumes={"/data/landing": {"bind": "/in", "mode": "ro"}}, network_mode="bridge")\n',
    },
  ],
  references: ['https://docker-py.readthedocs.io/en/stable/containers.html', 'https://cwe.mitre.org/data/definitions/250.html'],
  onCall(call, ctx) {
    if (startsContainer(call)) reportDockerHostAccess(call, ctx, { container: 'The container', host: 'the host' });
  },
};
