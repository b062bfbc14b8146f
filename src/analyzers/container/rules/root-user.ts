import { BEST_PRACTICES, type DockerRule } from '../docker-rule.js';
import type { Instruction, Stage } from '../dockerfile/parse.js';

/** The USER instruction in force at the end of a stage: its own last one, else the one of the stage it builds on. */
function userOf(stage: Stage, stages: readonly Stage[]): Instruction | undefined {
  const own = stage.instructions.filter((i) => i.keyword === 'USER').at(-1);
  if (own) return own;
  const parent = stages
    .slice(0, stages.indexOf(stage))
    .reverse()
    .find((s) => s.name !== undefined && s.name === stage.base.toLowerCase());
  return parent ? userOf(parent, stages) : undefined;
}

function isRoot(user: string): boolean {
  const name = user.split(':')[0]!.trim();
  return name === 'root' || name === '0';
}

export const rootUser: DockerRule = {
  id: 'docker.root-user',
  title: 'Image runs as root',
  category: 'container',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-250'],
  what: 'Finds Dockerfiles whose final stage sets no USER (so the container runs as root) or switches to USER root / 0 last.',
  why:
    'A pipeline container parses untrusted input; when a parser bug gives an attacker code execution, root in the ' +
    'container can modify the image’s code, read every mounted secret, and is one kernel bug away from root on the host.',
  remediation: 'Create an unprivileged user and end the final stage with `USER app` (or a numeric uid such as `USER 10001`).',
  bad: [
    { file: 'Dockerfile', code: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "/app/main.py"]\n' },
    { file: 'Dockerfile', code: 'FROM python:3.12-slim\nUSER app\nRUN echo hi\nUSER root\nCMD ["python", "/app/main.py"]\n' },
  ],
  good: [
    { file: 'Dockerfile', code: 'FROM python:3.12-slim\nRUN useradd --uid 10001 app\nUSER app\nCMD ["python", "/app/main.py"]\n' },
    { file: 'Dockerfile', code: 'FROM python:3.12-slim AS base\nUSER 10001:10001\n\nFROM base AS final\nCOPY . /app\n' },
    { file: 'Dockerfile', code: 'FROM gcr.io/distroless/python3-debian12:nonroot\nCOPY app.py /app/\n' },
  ],
  references: [BEST_PRACTICES + '#user', 'https://cwe.mitre.org/data/definitions/250.html'],
  check(ctx) {
    const final = ctx.file.stages.at(-1);
    if (!final) return;
    const user = userOf(final, ctx.file.stages);
    if (user) {
      const name = user.body.text.trim();
      // A variable (USER $APP_USER) is decided at build time; only a literal root is certain.
      if (isRoot(name)) ctx.report(user.body, 0, user.body.text.length, { message: `The final stage switches to USER ${name}: the container runs as root` });
      return;
    }
    if (/nonroot/.test(final.base)) return;
    ctx.reportInstruction(final.from, { message: 'The final stage sets no USER: the container runs as root' });
  },
};
