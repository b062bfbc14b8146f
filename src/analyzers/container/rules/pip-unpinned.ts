import { BEST_PRACTICES, type DockerRule } from '../docker-rule.js';
import type { Command } from '../dockerfile/shell.js';
import { installCommands, isProgram, isVariable, reportUnpinned } from '../package-install.js';

const PIP_VALUE_OPTIONS = new Set([
  '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-i', '--index-url', '--extra-index-url', '-f', '--find-links',
  '--trusted-host', '-t', '--target', '--prefix', '--root', '--platform', '--python-version', '--implementation', '--abi',
  '--only-binary', '--no-binary', '--src', '--cache-dir', '--log', '--proxy', '--retries', '--timeout', '--upgrade-strategy', '-C', '--config-settings',
]);

/** Where `pip install`'s arguments start: pip/pip3/pip3.12 install, python -m pip install, uv pip install. */
function pipInstallAt(command: Command, at: number): number {
  const w = command.words.map((x) => x.text);
  if (isProgram(command, at, /^pip[\d.]*$/)) return w[at + 1] === 'install' ? at + 2 : -1;
  if (isProgram(command, at, /^python[\d.]*$/)) return w[at + 1] === '-m' && w[at + 2] === 'pip' && w[at + 3] === 'install' ? at + 4 : -1;
  if (isProgram(command, at, /^uv$/)) return w[at + 1] === 'pip' && w[at + 2] === 'install' ? at + 3 : -1;
  return -1;
}

/** `==`/`===` pins, and archives, paths and URLs, which name one exact artifact. */
function isPinned(requirement: string): boolean {
  return /===?/.test(requirement) || /^[./~]|:\/\/|\s@\s|@\s*(https?|git\+|file):|\.(whl|tar\.gz|zip)$/.test(requirement);
}

export const pipUnpinned: DockerRule = {
  id: 'docker.pip-unpinned',
  title: 'pip install without pinned versions',
  category: 'container',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-1357'],
  what: 'Finds `pip install` (also `python -m pip` and `uv pip`) package arguments without an exact `==` version.',
  why:
    'A data pipeline image is built from PyPI at build time: an unpinned `pip install pandas` takes whatever was released ' +
    'last night, including a typosquat’s or a hijacked maintainer’s upload, and nothing records which version shipped.',
  remediation: 'Install from a locked requirements file with hashes (`pip install --require-hashes -r requirements.txt`) or pin `name==version`.',
  bad: [
    { file: 'Dockerfile', code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir pandas "pyarrow>=15"\n' },
    { file: 'Dockerfile', code: 'FROM python:3.12-slim\nRUN python3 -m pip install -U requests\n' },
  ],
  good: [
    {
      file: 'Dockerfile',
      code:
        'FROM python:3.12-slim\nRUN pip install --no-cache-dir --require-hashes -r requirements.txt \\\n' +
        ' && pip install pandas==2.2.3 ./dist/pipeline-1.0-py3-none-any.whl -e . "pyarrow==${PYARROW_VERSION}"\n',
    },
  ],
  references: [BEST_PRACTICES + '#run', 'https://pip.pypa.io/en/stable/topics/secure-installs/'],
  check(ctx) {
    for (const install of installCommands(ctx.scripts, pipInstallAt, PIP_VALUE_OPTIONS)) {
      reportUnpinned(ctx, install, install.packages.filter((w) => !isPinned(w.text) && !isVariable(w)), 'pip');
    }
  },
};
