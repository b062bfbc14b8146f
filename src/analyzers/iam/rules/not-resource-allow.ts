import { examplePolicy, statementName, type IamRule } from '../iam-rule.js';

export const notResourceAllow: IamRule = {
  id: 'iam.not-resource-allow',
  title: 'Allow with NotResource applies to everything not listed',
  category: 'iam',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-732'],
  what: 'Finds Allow statements that use NotResource.',
  why: 'The grant covers every bucket, table and key except the ones named, including those created later for other teams\' data.',
  remediation: 'Name the resources the job uses in Resource; keep NotResource for Deny statements.',
  bad: [{ file: 'policies/etl.json', code: examplePolicy({ Effect: 'Allow', Action: 's3:GetObject', NotResource: 'arn:aws:s3:::payroll/*' }) }],
  good: [{ file: 'policies/etl.json', code: examplePolicy({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::raw-events/*' }) }],
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notresource.html'],
  check(policy, ctx) {
    for (const s of policy.statements) {
      if (s.effect === 'Allow' && s.notResources.length > 0) ctx.report(s, `${statementName(s)} applies to every resource except ${s.notResources.join(', ')}`);
    }
  },
};
