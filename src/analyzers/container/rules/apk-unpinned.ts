import { BEST_PRACTICES, type DockerRule } from '../docker-rule.js';
import { afterSubcommand, installCommands, isProgram, isVariable, reportUnpinned } from '../package-install.js';

const APK_VALUE_OPTIONS = new Set(['-t', '--virtual', '-X', '--repository', '--repositories-file', '-p', '--root', '--arch', '--cache-dir', '--keys-dir']);

export const apkUnpinned: DockerRule = {
  id: 'docker.apk-unpinned',
  title: 'apk add without pinned versions',
  category: 'container',
  severity: 'low',
  confidence: 'high',
  cwe: ['CWE-1357'],
  what: 'Finds `apk add` package arguments without a version constraint (`=1.2.3-r0` or `~1.2`).',
  why:
    'Alpine mirrors move within a branch: an unpinned `apk add` installs a different build each time, so the image that ' +
    'was tested and scanned is not the one that ships.',
  remediation: 'Pin each package (`apk add --no-cache libpq=16.4-r0`) or `~` to a minor series, and bump deliberately.',
  bad: [{ file: 'Dockerfile', code: 'FROM alpine:3.20\nRUN apk add --no-cache postgresql-client\n' }],
  good: [{ file: 'Dockerfile', code: 'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build-deps postgresql-client=16.4-r0 gcc~13.2\n' }],
  references: [BEST_PRACTICES + '#run', 'https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper'],
  check(ctx) {
    const installs = installCommands(ctx.scripts, (command, at) => (isProgram(command, at, /^apk$/) ? afterSubcommand(command, at, ['add'], APK_VALUE_OPTIONS) : -1), APK_VALUE_OPTIONS);
    for (const install of installs) reportUnpinned(ctx, install, install.packages.filter((w) => !/[=~<>]/.test(w.text) && !isVariable(w)), 'apk add');
  },
};
