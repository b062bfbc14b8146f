import { DOCKERFILE_DOCS, type DockerRule } from '../docker-rule.js';
import { checkSecretAssignments, secretExample } from '../secret-build-config.js';

export const secretInEnv: DockerRule = {
  id: 'docker.secret-in-env',
  title: 'Literal secret in an ENV instruction',
  category: 'container',
  severity: 'high',
  confidence: 'medium',
  cwe: ['CWE-798'],
  what: 'Finds ENV instructions that set a variable named like a credential (PASSWORD, TOKEN, API_KEY, SECRET, …) to a literal.',
  why:
    'ENV values are stored in the image configuration: anyone who can pull the image — every registry mirror, CI cache ' +
    'and laptop — reads them with `docker inspect`, and they stay in every container started from it.',
  remediation: 'Pass the secret at run time (an orchestrator secret, a mounted file) and at build time use `RUN --mount=type=secret`.',
  bad: [secretExample('ENV DB_PASSWORD=hunter2prod'), secretExample('ENV OPENAI_API_KEY sk-proj-placeholder')],
  good: [secretExample('ENV DB_PASSWORD_FILE=/run/secrets/db_password LOG_LEVEL=info'), secretExample('ENV API_TOKEN=${API_TOKEN}')],
  references: [DOCKERFILE_DOCS + '#env', 'https://docs.docker.com/build/building/secrets/'],
  check: (ctx) => checkSecretAssignments(ctx, 'ENV'),
};
