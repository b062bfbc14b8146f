import { token } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const gitlabRunnerToken = secretRule({
  id: 'secret.gitlab-runner-token',
  title: 'GitLab runner authentication or registration token',
  severity: 'high',
  what: 'Finds GitLab runner authentication tokens (glrt-…) and legacy runner registration tokens (GR1348941…).',
  why: 'A runner token lets a machine pose as the runner and pick up jobs — with their CI variables, deploy keys and cloud credentials.',
  remediation: 'Reset the runner\'s token (or delete the runner) in the GitLab UI, and pass runner tokens to config.toml from a secret store.',
  anchors: ['glrt-', 'gr1348941'],
  pattern: token('(?:glrt-|GR1348941)[A-Za-z0-9_-]{20,}'),
  bad: [{ file: 'runner/config.toml', code: '[[runners]]\n  name = "etl"\n  token = "glrt-FAKEOx7ymmB-UZDls6pp"\n' }],
  good: [{ file: 'runner/values.yaml', code: 'runners:\n  secret: gitlab-runner-token   # Kubernetes secret holding the token\n' }],
  references: ['https://docs.gitlab.com/ee/security/token_overview.html#runner-authentication-tokens', 'https://cwe.mitre.org/data/definitions/798.html'],
});
