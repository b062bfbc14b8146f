import { BEST_PRACTICES, type DockerRule } from '../docker-rule.js';
import type { Instruction, Stage } from '../dockerfile/parse.js';
import { unprivilegedUser } from '../unprivileged-images.js';

/** The stage `stage` builds on, when it builds on an earlier stage of the file. */
function parentOf(stage: Stage, stages: readonly Stage[]): Stage | undefined {
  return stages
    .slice(0, stages.indexOf(stage))
    .reverse()
    .find((s) => s.name !== undefined && s.name === stage.base.toLowerCase());
}

/** The USER instruction in force at the end of a stage: its own last one, else the one of the stage it builds on. */
function userOf(stage: Stage, stages: readonly Stage[]): Instruction | undefined {
  const own = stage.instructions.filter((i) => i.keyword === 'USER').at(-1);
  if (own) return own;
  const parent = parentOf(stage, stages);
  return parent ? userOf(parent, stages) : undefined;
}

/** The first stage of the chain `stage` builds on: the one whose FROM pulls an image. */
function firstOf(stage: Stage, stages: readonly Stage[]): Stage {
  const parent = parentOf(stage, stages);
  return parent ? firstOf(parent, stages) : stage;
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
  what:
    'Finds Dockerfiles whose final stage sets no USER (so the container runs as root) or switches to USER root / 0 last. ' +
    'A base image that itself ends with an unprivileged user (apache/airflow, Jupyter, Bitnami, Spark, Confluent, distroless `nonroot`) counts as that user.',
  why:
    'A pipeline container parses untrusted input; when a parser bug gives an attacker code execution, root in the ' +
    'container can modify the image’s code, read every mounted secret, and is one kernel bug away from root on the host.',
  remediation: 'Create an unprivileged user and end the final stage with `USER app` (or a numeric uid such as `USER 10001`).',
  bad: [
    { file: 'Dockerfile', code: 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "/app/main.py"]\n' },
    { file: 'Dockerfile', code: 'FROM python:3.12-slim\nUSER app\nRUN echo hi\nUSER root\nCMD ["python", "/app/main.py"]\n' },
    { file: 'Dockerfile', code: 'FROM apache/airflow:2.9.3\nUSER root\nRUN apt-get update && apt-get install -y --no-install-recommends openjdk-17-jre-headless=17.0.13+11-2\n' },
    { file: 'Dockerfile', code: 'FROM gcr.io/spark-operator/spark-py:v2.4.5\nCOPY jobs/ /opt/spark/jobs/\n' },
  ],
  good: [
    { file: 'Dockerfile', code: 'FROM python:3.12-slim\nRUN useradd --uid 10001 app\nUSER app\nCMD ["python", "/app/main.py"]\n' },
    { file: 'Dockerfile', code: 'FROM python:3.12-slim AS base\nUSER 10001:10001\n\nFROM base AS final\nCOPY . /app\n' },
    { file: 'Dockerfile', code: 'FROM gcr.io/distroless/python3-debian12:nonroot\nCOPY app.py /app/\n' },
    { file: 'Dockerfile', code: 'FROM apache/airflow:2.9.3 AS base\nCOPY dags/ /opt/airflow/dags/\n\nFROM base\nRUN pip install --no-cache-dir apache-airflow-providers-amazon==8.28.0\n' },
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
    // With no USER of its own, the container runs as the user the base image ends with.
    const pulled = ctx.images.find((i) => i.line === firstOf(final, ctx.file.stages).from.startLine);
    if (pulled && unprivilegedUser(pulled)) return;
    ctx.reportInstruction(final.from, { message: 'The final stage sets no USER: the container runs as root' });
  },
};
