import path from 'node:path';
import type { ReportOptions } from '../../../core/analyzer.js';
import type { Word } from '../../container/dockerfile/shell.js';
import { unconfining } from '../../iac/compose/rules/security-opt-unconfined.js';
import { capabilityName, DANGEROUS_CAPABILITIES } from '../../iac/kubernetes/rules/capabilities.js';
import { isRuntimeSocket } from '../../iac/kubernetes/rules/host-path.js';
import { dockerRuns, optionValues, type DockerRun } from '../../shell/docker-run.js';
import type { ShellRule } from '../shell-rule.js';

/** Namespaces `--network host` and the like share with the host, and how much that gives away. */
const HOST_NAMESPACES: ReadonlyArray<{ names: string[]; label: string; severity: ReportOptions['severity'] }> = [
  { names: ['network', 'net'], label: 'network', severity: 'high' },
  { names: ['pid'], label: 'process', severity: 'high' },
  { names: ['ipc'], label: 'IPC', severity: 'medium' },
  { names: ['userns'], label: 'user', severity: 'medium' },
  { names: ['uts'], label: 'UTS', severity: 'low' },
];

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
    for (const run of dockerRuns(ctx.commands)) {
      const image = run.image ? run.image.text : 'a container';
      const report = (word: Word, what: string, options: ReportOptions = {}) =>
        ctx.report(word.start, word.end, { message: `docker run of ${image} ${what}`, ...options });
      for (const option of run.options) {
        if (option.name === 'privileged' && option.value?.toLowerCase() !== 'false') report(option.word, 'is privileged (--privileged): root on the host');
      }
      for (const { value, word } of socketMounts(run)) {
        const what = isRuntimeSocket(value) ? `the container runtime socket ${value}` : `${value}, which holds the container runtime socket`;
        report(word, `mounts ${what}: root on the host`);
      }
      for (const { names, label, severity } of HOST_NAMESPACES) {
        for (const { value, word } of optionValues(run, ...names)) {
          if (value.toLowerCase() === 'host') report(word, `shares the host's ${label} namespace (--${names[0]} host)`, { severity });
        }
      }
      for (const { value, word } of optionValues(run, 'cap-add')) {
        for (const cap of value.split(',').map(capabilityName)) if (DANGEROUS_CAPABILITIES.has(cap)) report(word, `adds the ${cap} capability`, { severity: 'high' });
      }
      for (const { value, word } of optionValues(run, 'security-opt')) {
        const match = unconfining(value);
        if (match) report(word, `${match.effect} (--security-opt ${value})`, { severity: 'medium', ...match.options });
      }
    }
  },
};

/** `-v /var/run/docker.sock:/var/run/docker.sock` and `--mount type=bind,source=/run/containerd/containerd.sock,…`. */
function socketMounts(run: DockerRun): Array<{ value: string; word: Word }> {
  const volumes = optionValues(run, 'v', 'volume').map(({ value, word }) => ({ source: value.split(':')[0]!, word }));
  const mounts = optionValues(run, 'mount').map(({ value, word }) => {
    const fields = new Map(value.split(',').map((field) => [field.split('=')[0]!.trim(), field.slice(field.indexOf('=') + 1)]));
    return { source: fields.get('source') ?? fields.get('src') ?? '', word };
  });
  return [...volumes, ...mounts].flatMap(({ source, word }) => {
    const host = path.posix.normalize(source).replace(/(.)\/+$/, '$1');
    // The host's root and /var hold /var/run/docker.sock too, read-only or not.
    return source.startsWith('/') && (isRuntimeSocket(host) || host === '/' || host === '/var') ? [{ value: source, word }] : [];
  });
}
