import { allows } from '../actions.js';
import { examplePolicy, statementName, type IamRule } from '../iam-rule.js';

export const passRoleAny: IamRule = {
  id: 'iam.passrole-any-role',
  title: 'iam:PassRole allowed for every role',
  category: 'iam',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-269'],
  what: 'Finds Allow statements granting iam:PassRole (directly or by wildcard) on Resource "*" or every role of an account.',
  why:
    'Passing a role hands its permissions to a service the caller controls. With every role passable, an orchestrator ' +
    'that only needs to start jobs as "etl-runner" can start them as the account\'s most powerful role.',
  remediation: 'Restrict Resource to the role ARNs the job passes and add an iam:PassedToService condition.',
  bad: [{ file: 'policies/airflow.json', code: examplePolicy({ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }) }],
  good: [
    {
      file: 'policies/airflow.json',
      code: examplePolicy({
        Effect: 'Allow',
        Action: 'iam:PassRole',
        Resource: 'arn:aws:iam::123456789012:role/etl-runner',
        Condition: { StringEquals: { 'iam:PassedToService': 'glue.amazonaws.com' } },
      }),
    },
  ],
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html'],
  check(policy, ctx) {
    for (const s of policy.statements) {
      if (s.hasCondition || s.actions.includes('*') || !allows(s, 'iam:PassRole')) continue;
      if (s.resources.some((r) => r === '*' || r.endsWith(':role/*'))) ctx.report(s, `${statementName(s)} lets the holder pass any role to any service`);
    }
  },
};
