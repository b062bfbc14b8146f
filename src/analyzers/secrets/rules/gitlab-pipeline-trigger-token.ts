import { token } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const gitlabPipelineTriggerToken = secretRule({
  id: 'secret.gitlab-pipeline-trigger-token',
  title: 'GitLab pipeline trigger token',
  severity: 'medium',
  what: 'Finds GitLab pipeline trigger tokens: glptt- followed by 40 hexadecimal characters.',
  why: 'A trigger token starts pipelines of its project with chosen variables, which can redirect a deployment job or exfiltrate the job\'s own secrets.',
  remediation: 'Revoke the trigger under Settings → CI/CD → Pipeline trigger tokens and keep its replacement in the caller\'s secret store.',
  anchors: ['glptt-'],
  pattern: token('glptt-[0-9a-f]{40}'),
  bad: [{ file: 'deploy/trigger.sh', code: 'curl -X POST -F token=glptt-7787be3111842502cb43188764b84d46b6bb0bd4 -F ref=main https://gitlab.example.com/api/v4/projects/42/trigger/pipeline\n' }],
  good: [{ file: 'deploy/trigger.sh', code: 'curl -X POST -F "token=${TRIGGER_TOKEN}" -F ref=main https://gitlab.example.com/api/v4/projects/42/trigger/pipeline\n' }],
  references: ['https://docs.gitlab.com/ee/ci/triggers/', 'https://cwe.mitre.org/data/definitions/798.html'],
});
