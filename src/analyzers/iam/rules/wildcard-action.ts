import { examplePolicy, statementName, type IamRule } from '../iam-rule.js';

export const wildcardAction: IamRule = {
  id: 'iam.wildcard-action',
  title: 'Policy allows every action of a service, or of all services',
  category: 'iam',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-269', 'CWE-732'],
  what: 'Finds Allow statements whose Action is "*" (everything, critical) or "service:*" (everything in one service).',
  why:
    'A pipeline role needs a handful of reads and writes. "s3:*" also lets whoever controls the job — a poisoned ' +
    'dependency, an injected DAG parameter — delete buckets, rewrite bucket policies and turn off encryption; "*" ' +
    'hands over the account.',
  remediation: 'List the exact actions the job uses (`pipewarden iam suggest` derives them from the pipeline\'s code).',
  bad: [{ file: 'policies/etl.json', code: examplePolicy({ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::raw-events/*' }) }],
  good: [{ file: 'policies/etl.json', code: examplePolicy({ Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::raw-events/*' }) }],
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege', 'https://cwe.mitre.org/data/definitions/269.html'],
  check(policy, ctx) {
    for (const s of policy.statements) {
      if (s.effect !== 'Allow') continue;
      if (s.actions.includes('*')) ctx.report(s, `${statementName(s)} allows every action ("*")`, { severity: 'critical' });
      else {
        const services = s.actions.filter((a) => /^[\w-]+:\*$/.test(a));
        if (services.length > 0) ctx.report(s, `${statementName(s)} allows every action of ${services.join(', ')}`);
      }
    }
  },
};
