import { allows } from '../actions.js';
import { ESCALATION_PATHS, type EscalationPath } from '../escalation.js';
import { examplePolicy, statementName, type IamRule } from '../iam-rule.js';
import type { Statement } from '../policy.js';

export const privilegeEscalation: IamRule = {
  id: 'iam.privilege-escalation',
  title: 'Policy grants a known privilege-escalation path',
  category: 'iam',
  severity: 'high',
  confidence: 'medium',
  cwe: ['CWE-269', 'CWE-250'],
  what:
    'Finds identity policies whose Allow statements together grant one of the known escalation combinations: ' +
    'iam:PassRole with a compute-creating action (EC2, Lambda, Glue, SageMaker, CloudFormation, ECS, Data Pipeline), ' +
    'iam:CreatePolicyVersion, Attach/Put*Policy, CreateAccessKey, login-profile changes, UpdateAssumeRolePolicy, ' +
    'lambda:UpdateFunctionCode, glue:UpdateDevEndpoint. Wildcards that cover them count.',
  why:
    'Data platform roles often get "just enough IAM" to create Glue jobs or SageMaker notebooks. Any of these paths ' +
    'turns code execution in one pipeline task into administrator access to the account.',
  remediation:
    'Remove the IAM-write actions from pipeline roles; where a job must create compute, restrict iam:PassRole to the ' +
    'one role ARN it passes, with an iam:PassedToService condition.',
  bad: [
    { file: 'policies/glue-admin.json', code: examplePolicy({ Effect: 'Allow', Action: ['iam:PassRole', 'glue:CreateJob', 'glue:StartJobRun'], Resource: '*' }) },
  ],
  good: [
    {
      file: 'policies/glue-runner.json',
      code: examplePolicy(
        { Effect: 'Allow', Action: ['glue:StartJobRun', 'glue:GetJobRun'], Resource: 'arn:aws:glue:eu-west-1:123456789012:job/clean-events' },
      ),
    },
  ],
  references: ['https://rhinosecuritylabs.com/aws/aws-privilege-escalation-methods-mitigation/', 'https://cwe.mitre.org/data/definitions/269.html'],
  check(policy, ctx) {
    const allowing = policy.statements.filter((s) => s.effect === 'Allow');
    // "*" is reported as administrator access already; every path below would repeat it.
    if (policy.kind !== 'identity' || allowing.some((s) => s.actions.includes('*'))) return;
    const byStatement = new Map<Statement, EscalationPath[]>();
    for (const path of ESCALATION_PATHS) {
      const granting = path.actions.map((action) => allowing.find((s) => allows(s, action)));
      if (granting.some((s) => s === undefined)) continue;
      // A PassRole limited to named roles is the recommended shape, not an escalation by itself.
      const passRole = path.actions.indexOf('iam:PassRole');
      if (passRole >= 0 && !granting[passRole]!.resources.some((r) => r === '*' || r.endsWith(':role/*'))) continue;
      byStatement.set(granting[0]!, [...(byStatement.get(granting[0]!) ?? []), path]);
    }
    for (const [statement, paths] of byStatement) {
      const [first, ...more] = paths;
      const others = more.length > 0 ? ` (and ${more.length} more path${more.length > 1 ? 's' : ''}: ${more.map((p) => p.actions.join(' + ')).join('; ')})` : '';
      ctx.report(statement, `${statementName(statement)} allows ${first!.actions.join(' + ')}: a holder can ${first!.how}${others}`);
    }
  },
};
