import { token } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const gitlabDeployToken = secretRule({
  id: 'secret.gitlab-deploy-token',
  title: 'GitLab deploy token',
  severity: 'medium',
  what: 'Finds GitLab deploy tokens: gldt- followed by at least 20 URL-safe characters.',
  why: 'A deploy token reads (and may write) the project\'s repository, container registry and package registry — the images and wheels the pipeline deploys.',
  remediation: 'Revoke it under Settings → Repository → Deploy tokens, and inject its replacement as a masked CI/CD variable.',
  anchors: ['gldt-'],
  pattern: token('gldt-[A-Za-z0-9_-]{20,}'),
  bad: [{ file: 'k8s/pull.sh', code: 'docker login registry.gitlab.example.com -u deploy -p gldt-FAKE5K2ZkqDURT_0Wm_F\n' }],
  good: [{ file: 'k8s/pull.sh', code: 'echo "$DEPLOY_TOKEN" | docker login registry.gitlab.example.com -u deploy --password-stdin\n' }],
  references: ['https://docs.gitlab.com/ee/user/project/deploy_tokens/', 'https://cwe.mitre.org/data/definitions/798.html'],
});
