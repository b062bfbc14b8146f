import { dockerRunHostAccess } from '../../shell/docker-host-access.js';
import type { ShellRule } from '../shell-rule.js';

export const shellDockerRunHostAccess: ShellRule = {
  id: 'sh.docker-run-host-access',
  title: 'Shell script starts a container with access to the host',
  category: 'sast',
  severity: 'critical',
  confidence: 'high',
  cwe: ['CWE-250'],
  what:
    'Reads the options of `docker run` (also `docker container run`, podman, nerdctl and nvidia-docker, behind sudo or env) and finds ' +
    '`--privileged` and a mounted runtime socket (`-v /var/run/docker.sock:…`, `--mount type=bind,source=…`, or `/` or ' +
    '`/var`, which hold it) — critical; ' +
    'the host’s network or process namespace (`--network host`, `--net=host`, `--pid host`) and dangerous capabilities ' +
    '(`--cap-add SYS_ADMIN`, ALL, NET_ADMIN, SYS_PTRACE, … as for Kubernetes) — high; `--security-opt seccomp=unconfined`, ' +
    '`apparmor=unconfined`, `label=disable` and the IPC or user namespace — medium (systempaths=unconfined high); the UTS ' +
    'namespace — low.',
  why:
    'Cron and bootstrap scripts of data platforms start their job containers with `docker run`, outside the Compose or ' +
    'Kubernetes files a review looks at. A privileged container or one holding the Docker socket is root on the host: a ' +
    'compromised job image, or a payload in the data it parses, then owns the machine and every other job’s credentials.',
  remediation:
    'Drop `--privileged` and the socket mount; add only the narrow capability a job needs, keep the default seccomp and ' +
    'AppArmor profiles, publish ports instead of sharing the host network, and run such jobs under Compose or Kubernetes ' +
    'where the same settings are reviewed and scanned.',
  bad: [
    {
      file: 'scripts/nightly.sh',
      code: '#!/usr/bin/env bash\nset -euo pipefail\nsudo docker run --rm --privileged \\\n  -v /var/run/docker.sock:/var/run/docker.sock \\\n  ghcr.io/acme/etl:2.3.1 python -m etl.nightly\n',
    },
    { file: 'run-profiler.sh', code: '#!/bin/sh\ndocker run --net=host --cap-add=SYS_ADMIN --security-opt seccomp=unconfined acme/profiler:1.4.0\n' },
  ],
  good: [
    {
      file: 'scripts/nightly.sh',
      code:
        '#!/usr/bin/env bash\nset -euo pipefail\ndocker run --rm --read-only --cap-drop ALL -p 127.0.0.1:8080:8080 \\\n' +
        '  -v "$PWD/data:/data:ro" ghcr.io/acme/etl:2.3.1 python -m etl.nightly --privileged-mode off\n',
    },
  ],
  references: [
    'https://docs.docker.com/reference/cli/docker/container/run/',
    'https://docs.docker.com/engine/security/#docker-daemon-attack-surface',
    'https://cwe.mitre.org/data/definitions/250.html',
  ],
  check(ctx) {
    for (const { word, message, options } of dockerRunHostAccess(ctx.commands)) ctx.report(word.start, word.end, { message, ...options });
  },
};
