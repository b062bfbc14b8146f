import { token } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const dockerhubToken = secretRule({
  id: 'secret.dockerhub-token',
  title: 'Docker Hub personal access token',
  severity: 'high',
  what: 'Finds Docker Hub personal access tokens: dckr_pat_ followed by 27 URL-safe characters.',
  why: 'With read-write scope the token pushes images under the organisation\'s name: every pipeline that pulls them runs the attacker\'s code.',
  remediation: 'Delete the token in Docker Hub (Account settings → Personal access tokens) and log in from CI with a masked secret.',
  anchors: ['dckr_pat_'],
  pattern: token('dckr_pat_[A-Za-z0-9_-]{27}'),
  bad: [{ file: 'ci/push.sh', code: 'echo dckr_pat_FAKEDtE80lxW4UXDUZ85gwy5M0U | docker login -u acmebot --password-stdin\n' }],
  good: [{ file: 'ci/push.sh', code: 'echo "$DOCKERHUB_TOKEN" | docker login -u acmebot --password-stdin\n' }],
  references: ['https://docs.docker.com/security/for-developers/access-tokens/', 'https://cwe.mitre.org/data/definitions/798.html'],
});
