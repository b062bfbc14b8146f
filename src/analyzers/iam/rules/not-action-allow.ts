import { examplePolicy, statementName, type IamRule } from '../iam-rule.js';

export const notActionAllow: IamRule = {
  id: 'iam.not-action-allow',
  title: 'Allow with NotAction grants everything not listed',
  category: 'iam',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-269'],
  what: 'Finds Allow statements that use NotAction.',
  why:
    'NotAction with Allow grants every action of every service except the few named — including services AWS adds ' +
    'later. It reads like a restriction and works like "*".',
  remediation: 'Replace it with an Action list of what the job needs; use NotAction only in Deny statements.',
  bad: [{ file: 'policies/etl.json', code: examplePolicy({ Effect: 'Allow', NotAction: 'iam:*', Resource: '*' }) }],
  good: [{ file: 'policies/guard.json', code: examplePolicy({ Effect: 'Deny', NotAction: ['s3:GetObject', 's3:PutObject'], Resource: '*' }) }],
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notaction.html'],
  check(policy, ctx) {
    for (const s of policy.statements) {
      if (s.effect === 'Allow' && s.notActions.length > 0) ctx.report(s, `${statementName(s)} allows every action except ${s.notActions.join(', ')}`);
    }
  },
};
