import { BEST_PRACTICES, type DockerRule } from '../docker-rule.js';
import { aptInstalls } from './apt-unpinned.js';

export const aptRecommends: DockerRule = {
  id: 'docker.apt-no-install-recommends',
  title: 'apt-get install pulls in recommended packages',
  category: 'container',
  severity: 'low',
  confidence: 'high',
  cwe: ['CWE-1164'],
  what: 'Finds `apt-get install` commands without `--no-install-recommends` (or `-o APT::Install-Recommends=false`).',
  why:
    'Recommended packages are installed by default: tools and libraries the pipeline never uses, each one more thing ' +
    'to patch and more code an attacker can reach in the image.',
  remediation: 'Add `--no-install-recommends` to every `apt-get install` and list what is really needed.',
  bad: [{ file: 'Dockerfile', code: 'FROM debian:12\nRUN apt-get install -y libpq5=15.8-0+deb12u1\n' }],
  good: [
    { file: 'Dockerfile', code: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends libpq5=15.8-0+deb12u1\n' },
    { file: 'Dockerfile', code: 'FROM debian:12\nRUN apt-get -o APT::Install-Recommends=false install -y libpq5=15.8-0+deb12u1\n' },
  ],
  references: [BEST_PRACTICES + '#apt-get'],
  check(ctx) {
    for (const install of aptInstalls(ctx.scripts)) {
      const words = install.script.commands.flatMap((c) => c.words.map((w) => w.text));
      if (install.options.some((o) => o.text === '--no-install-recommends') || words.some((w) => /^APT::Install-Recommends=(false|0)$/i.test(w))) continue;
      const first = install.packages[0] ?? install.options[0];
      if (first) ctx.report(install.script.text, first.start, first.end, { message: 'apt-get install without --no-install-recommends also installs recommended packages' });
    }
  },
};
