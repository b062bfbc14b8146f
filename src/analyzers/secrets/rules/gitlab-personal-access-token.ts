import { token } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const gitlabPersonalAccessToken = secretRule({
  id: 'secret.gitlab-personal-access-token',
  title: 'GitLab personal, project or group access token',
  severity: 'high',
  what: 'Finds GitLab access tokens: glpat- followed by at least 20 URL-safe characters.',
  why: 'It acts as its user (or the project/group bot) with its scopes — api scope reads and writes every reachable project, including CI variables that hold further secrets.',
  remediation: 'Revoke it under User settings → Access tokens (or the project\'s), and use CI_JOB_TOKEN or a short-lived deploy token in pipelines.',
  anchors: ['glpat-'],
  pattern: token('glpat-[A-Za-z0-9_-]{20,}(?:\\.[A-Za-z0-9_-]+)*'),
  bad: [{ file: 'scripts/mirror.sh', code: 'curl --header "PRIVATE-TOKEN: glpat-FAKEmDpK3hZjMCbJQLKy" https://gitlab.example.com/api/v4/projects\n' }],
  good: [{ file: 'scripts/mirror.sh', code: 'curl --header "JOB-TOKEN: $CI_JOB_TOKEN" https://gitlab.example.com/api/v4/projects\n' }],
  references: ['https://docs.gitlab.com/ee/security/token_overview.html', 'https://cwe.mitre.org/data/definitions/798.html'],
});
