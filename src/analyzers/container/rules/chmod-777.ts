import { BEST_PRACTICES, type DockerRule } from '../docker-rule.js';
import { invocations } from '../dockerfile/shell.js';

const WORLD_WRITABLE = /^(0?[0-7]?777|(a|ugo|o)\+rwx|a\+w|o\+w)$/;

export const chmod777: DockerRule = {
  id: 'docker.chmod-777',
  title: 'World-writable permissions (chmod 777)',
  category: 'container',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-732'],
  what: 'Finds `chmod 777` (and `a+rwx`, `o+w`) in RUN, and COPY/ADD `--chmod=777`.',
  why:
    'World-writable code or data directories let any process in the container — including one started through a parser ' +
    'bug as an unprivileged user — rewrite the pipeline’s scripts or poison the files it reads next.',
  remediation: 'Give ownership to the user that needs it (`COPY --chown=app:app`, `chown app`) and use 755/644 (or stricter).',
  bad: [
    { file: 'Dockerfile', code: 'FROM python:3.12-slim\nRUN mkdir /data && chmod -R 777 /data\n' },
    { file: 'Dockerfile', code: 'FROM python:3.12-slim\nCOPY --chmod=777 jobs/ /app/jobs/\n' },
  ],
  good: [{ file: 'Dockerfile', code: 'FROM python:3.12-slim\nRUN mkdir /data && chown 10001 /data && chmod 750 /data\nCOPY --chown=10001 --chmod=755 jobs/ /app/jobs/\n' }],
  references: [BEST_PRACTICES + '#run', 'https://cwe.mitre.org/data/definitions/732.html'],
  check(ctx) {
    for (const { script, command, at } of invocations(ctx.scripts, 'chmod')) {
      const mode = command.words.slice(at + 1).find((w) => WORLD_WRITABLE.test(w.text));
      if (mode) ctx.report(script.text, command.words[at]!.start, mode.end, { message: `chmod ${mode.text} makes files writable by every user` });
    }
    for (const instruction of ctx.file.instructions) {
      const mode = instruction.flags.get('chmod');
      if ((instruction.keyword === 'COPY' || instruction.keyword === 'ADD') && mode && WORLD_WRITABLE.test(mode)) {
        ctx.report(instruction.args, 0, instruction.args.text.indexOf(mode) + mode.length, { message: `${instruction.keyword} --chmod=${mode} makes the files writable by every user` });
      }
    }
  },
};
