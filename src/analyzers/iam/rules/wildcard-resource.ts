import { coversEverything, isReadOnly } from '../actions.js';
import { examplePolicy, statementName, type IamRule } from '../iam-rule.js';

export const wildcardResource: IamRule = {
  id: 'iam.wildcard-resource',
  title: 'Write or permission actions allowed on every resource',
  category: 'iam',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-732'],
  what: 'Finds Allow statements granting actions that change things (anything but Get/List/Describe-style reads) on Resource "*".',
  why:
    'A job that writes one prefix can, with Resource "*", overwrite or delete every object, message and table the ' +
    'account holds — the blast radius of one compromised task becomes the whole data estate.',
  remediation: 'Scope Resource to the ARNs the job writes (bucket/prefix, queue, table).',
  bad: [{ file: 'policies/etl.json', code: examplePolicy({ Effect: 'Allow', Action: ['s3:PutObject', 's3:DeleteObject'], Resource: '*' }) }],
  good: [
    { file: 'policies/etl.json', code: examplePolicy({ Effect: 'Allow', Action: ['s3:PutObject'], Resource: 'arn:aws:s3:::clean-events/daily/*' }) },
    { file: 'policies/observe.json', code: examplePolicy({ Effect: 'Allow', Action: ['cloudwatch:PutMetricData'], Resource: '*', Condition: { StringEquals: { 'cloudwatch:namespace': 'etl' } } }) },
  ],
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege'],
  check(policy, ctx) {
    for (const s of policy.statements) {
      if (s.effect !== 'Allow' || s.hasCondition || !s.resources.some(coversEverything) || s.actions.includes('*')) continue;
      const writes = s.actions.filter((a) => !isReadOnly(a));
      if (writes.length > 0) ctx.report(s, `${statementName(s)} allows ${writes.join(', ')} on every resource`);
    }
  },
};
