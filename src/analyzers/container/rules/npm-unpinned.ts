import { BEST_PRACTICES, type DockerRule } from '../docker-rule.js';
import type { Command } from '../dockerfile/shell.js';
import { installCommands, isProgram, isVariable, reportUnpinned } from '../package-install.js';

const NPM_VALUE_OPTIONS = new Set(['--prefix', '--registry', '--tag', '-w', '--workspace', '--omit', '--include', '--cache', '--cwd']);

/** Where the package arguments start: npm install/i/add, yarn add (global too), pnpm add. */
function npmInstallAt(command: Command, at: number): number {
  const w = command.words.map((x) => x.text);
  if (isProgram(command, at, /^npm$/)) return ['install', 'i', 'add', 'isntall', 'in'].includes(w[at + 1] ?? '') ? at + 2 : -1;
  if (isProgram(command, at, /^yarn$/)) return w[at + 1] === 'add' ? at + 2 : w[at + 1] === 'global' && w[at + 2] === 'add' ? at + 3 : -1;
  if (isProgram(command, at, /^pnpm$/)) return w[at + 1] === 'add' ? at + 2 : -1;
  return -1;
}

/** `name@1.2.3` or `@scope/name@1.2.3`, or a path, tarball or git URL (one exact artifact); ranges and dist-tags are not pins. */
function isPinned(spec: string): boolean {
  if (/^[./~]|^(file|git\+\w+|https?):|\.tgz$/.test(spec)) return true;
  const version = /^(?:@[^/]+\/)?[^@]+@(.+)$/.exec(spec)?.[1];
  return version !== undefined && /^v?\d+\.\d+\.\d+(-[\w.]+)?$/.test(version);
}

export const npmUnpinned: DockerRule = {
  id: 'docker.npm-unpinned',
  title: 'npm install of a package without a pinned version',
  category: 'container',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-1357'],
  what: 'Finds `npm install`, `yarn add` and `pnpm add` package arguments without an exact `@x.y.z` version (`npm ci` and a bare `npm install` use the lockfile and are fine).',
  why:
    'npm packages run install scripts as the build user: an unpinned name pulls whatever was published last, and ' +
    'npm has seen many hijacked releases that existed only for hours.',
  remediation: 'Add the dependency to package.json with a lockfile and run `npm ci`, or pin `name@x.y.z` exactly.',
  bad: [{ file: 'Dockerfile', code: 'FROM node:22-slim\nRUN npm install -g @dbml/cli csv-parse@^5\n' }],
  good: [{ file: 'Dockerfile', code: 'FROM node:22-slim\nCOPY package*.json ./\nRUN npm ci --omit dev && npm install -g @dbml/cli@3.9.0\n' }],
  references: ['https://docs.npmjs.com/cli/commands/npm-ci', BEST_PRACTICES + '#run'],
  check(ctx) {
    for (const install of installCommands(ctx.scripts, npmInstallAt, NPM_VALUE_OPTIONS)) {
      reportUnpinned(ctx, install, install.packages.filter((w) => !isPinned(w.text) && !isVariable(w)), 'npm');
    }
  },
};
