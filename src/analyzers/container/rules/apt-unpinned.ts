import { BEST_PRACTICES, type DockerRule } from '../docker-rule.js';
import { afterSubcommand, installCommands, isProgram, isVariable, reportUnpinned } from '../package-install.js';
import type { Script } from '../dockerfile/shell.js';

const APT_VALUE_OPTIONS = new Set(['-o', '-t', '-c', '--option', '--target-release', '--config-file']);

/** `apt-get install` / `apt install` commands, shared with docker.apt-no-install-recommends. */
export function aptInstalls(scripts: readonly Script[]) {
  return installCommands(scripts, (command, at) => (isProgram(command, at, /^apt(-get|itude)?$/) ? afterSubcommand(command, at, ['install'], APT_VALUE_OPTIONS) : -1), APT_VALUE_OPTIONS);
}

export const aptUnpinned: DockerRule = {
  id: 'docker.apt-unpinned',
  title: 'apt-get install without pinned versions',
  category: 'container',
  severity: 'low',
  confidence: 'high',
  cwe: ['CWE-1357'],
  what: 'Finds `apt-get install` (and `apt install`) package arguments without `=version`.',
  why:
    'Unpinned packages make each build install whatever the mirror has that day: the image that was tested and scanned ' +
    'is not the one rebuilt next week, and a broken or malicious update arrives without a diff.',
  remediation: 'Pin each package (`apt-get install -y --no-install-recommends libpq5=15.8-0+deb12u1`), or build from a pinned, digest-referenced base that already has it.',
  bad: [{ file: 'Dockerfile', code: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl libpq5=15.8-0+deb12u1\n' }],
  good: [
    {
      file: 'Dockerfile',
      code: 'FROM debian:12\nRUN apt-get update \\\n && apt-get -y -o Dpkg::Options::=--force-confold install --no-install-recommends curl=7.88.1-10+deb12u8 ./local.deb\n',
    },
  ],
  references: [BEST_PRACTICES + '#apt-get', 'https://cwe.mitre.org/data/definitions/1357.html'],
  check(ctx) {
    for (const install of aptInstalls(ctx.scripts)) {
      reportUnpinned(ctx, install, install.packages.filter((w) => !w.text.includes('=') && !w.text.endsWith('.deb') && !isVariable(w)), 'apt-get');
    }
  },
};
