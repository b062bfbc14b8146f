import { BEST_PRACTICES, type DockerRule } from '../docker-rule.js';
import { programName } from '../dockerfile/shell.js';

export const sudo: DockerRule = {
  id: 'docker.sudo',
  title: 'sudo used in a RUN instruction',
  category: 'container',
  severity: 'low',
  confidence: 'high',
  cwe: ['CWE-250'],
  what: 'Finds RUN commands run through `sudo`.',
  why:
    'sudo in an image means a user that can become root at will — usually without a password, so the USER line gives no ' +
    'protection — and sudo’s own setuid binary is attack surface.',
  remediation: 'Run the privileged steps before switching USER (`USER root` … `USER app`) and leave sudo out of the image.',
  bad: [{ file: 'Dockerfile', code: 'FROM debian:12\nUSER app\nRUN sudo apt-get update\n' }],
  good: [{ file: 'Dockerfile', code: 'FROM debian:12\nRUN apt-get update\nUSER app\nRUN echo "no sudo here" > /tmp/note\n' }],
  references: [BEST_PRACTICES + '#user', 'https://cwe.mitre.org/data/definitions/250.html'],
  check(ctx) {
    for (const script of ctx.scripts) {
      for (const command of script.commands) {
        const first = command.words.find((w) => !/^[A-Za-z_]\w*=/.test(w.text));
        if (first && programName(first.text) === 'sudo') ctx.report(script.text, first.start, command.words.at(-1)!.end, { message: 'RUN uses sudo: the image gives a user root access at will' });
      }
    }
  },
};
