import path from 'node:path';
import type { ReportOptions } from '../../core/analyzer.js';
import type { Command, Word } from '../container/dockerfile/shell.js';
import { unconfining } from '../iac/compose/rules/security-opt-unconfined.js';
import { capabilityName, DANGEROUS_CAPABILITIES } from '../iac/kubernetes/rules/capabilities.js';
import { isRuntimeSocket } from '../iac/kubernetes/rules/host-path.js';
import { dockerRuns, optionValues, type DockerRun } from './docker-run.js';

/** Namespaces `--network host` and the like share with the host, and how much that gives away. */
const HOST_NAMESPACES: ReadonlyArray<{ names: string[]; label: string; severity: ReportOptions['severity'] }> = [
  { names: ['network', 'net'], label: 'network', severity: 'high' },
  { names: ['pid'], label: 'process', severity: 'high' },
  { names: ['ipc'], label: 'IPC', severity: 'medium' },
  { names: ['userns'], label: 'user', severity: 'medium' },
  { names: ['uts'], label: 'UTS', severity: 'low' },
];

/** An option of a `docker run` that gives the container the host, the word that sets it, and how bad it is. */
export interface HostAccess {
  word: Word;
  message: string;
  options: ReportOptions;
}

/**
 * What the `docker run` commands among `commands` give away of the host: privilege and the runtime
 * socket (critical), the network or process namespace and dangerous capabilities (high), unconfining
 * security options and the IPC or user namespace (medium), the UTS namespace (low).
 */
export function dockerRunHostAccess(commands: readonly Command[]): HostAccess[] {
  const found: HostAccess[] = [];
  for (const run of dockerRuns(commands)) {
    // Options after a run-time word may be the container command's arguments, and that word the image or not.
    const uncertain = new Set(run.options.filter((o) => o.uncertain).map((o) => o.word));
    const image = run.image && uncertain.size === 0 ? run.image.text : 'a container';
    const report = (word: Word, what: string, options: ReportOptions = {}) =>
      found.push({ word, message: `docker run of ${image} ${what}`, options: uncertain.has(word) ? { ...options, confidence: 'medium' } : options });
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
  return found;
}

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
