import { examplePolicy, statementName, type IamRule } from '../iam-rule.js';

export const trustAnyPrincipal: IamRule = {
  id: 'iam.trust-any-principal',
  title: 'Trust or resource policy open to any principal',
  category: 'iam',
  severity: 'critical',
  confidence: 'high',
  cwe: ['CWE-284', 'CWE-732'],
  what:
    'Finds Allow statements in role trust policies and bucket/queue/key policies whose Principal is "*" (or ' +
    '{"AWS": "*"}) with no Condition narrowing who that is.',
  why:
    'Principal "*" means any AWS account in the world: anyone can assume the pipeline role, or read and write the ' +
    'bucket the pipeline ingests from — the start of a poisoning or exfiltration path.',
  remediation: 'Name the account, role or service principal; for cross-account access add aws:PrincipalOrgID or sts:ExternalId conditions.',
  bad: [{ file: 'policies/trust.json', code: examplePolicy({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }) }],
  good: [{ file: 'policies/trust.json', code: examplePolicy({ Effect: 'Allow', Principal: { Service: 'glue.amazonaws.com' }, Action: 'sts:AssumeRole' }) }],
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html'],
  check(policy, ctx) {
    for (const s of policy.statements) {
      if (s.effect !== 'Allow' || s.hasCondition || !s.principals?.includes('*')) continue;
      const what = policy.kind === 'trust' ? 'lets anyone assume this role' : 'opens the resource to anyone';
      ctx.report(s, `${statementName(s)} ${what}: Principal is "*" with no condition`);
    }
  },
};
