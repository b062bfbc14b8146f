import { DOCKERFILE_DOCS, type DockerRule } from '../docker-rule.js';
import { checkSecretAssignments, secretExample } from '../secret-build-config.js';

export const secretInArg: DockerRule = {
  id: 'docker.secret-in-arg',
  title: 'Literal secret as an ARG default',
  category: 'container',
  severity: 'high',
  confidence: 'medium',
  cwe: ['CWE-798'],
  what: 'Finds ARG instructions whose default value for a credential-named argument is a literal.',
  why:
    'The default sits in the Dockerfile in version control, and build arguments used by RUN are recorded in the image ' +
    'history (`docker history`), so the secret ships with the image even though ARG is not an environment variable.',
  remediation: 'Declare the argument without a default, or better use `RUN --mount=type=secret,id=…` so the value never enters a layer.',
  bad: [secretExample('ARG PIP_INDEX_TOKEN=glpat-placeholder123')],
  good: [secretExample('ARG PIP_INDEX_TOKEN\nARG PYTHON_VERSION=3.12')],
  references: [DOCKERFILE_DOCS + '#arg', 'https://docs.docker.com/build/building/secrets/'],
  check: (ctx) => checkSecretAssignments(ctx, 'ARG'),
};
