import { allows, onEveryResource } from '../actions.js';
import { examplePolicy, statementName, type IamRule } from '../iam-rule.js';

/** Actions that read data or secrets out of the account. */
const EXFILTRATING = ['s3:GetObject', 'secretsmanager:GetSecretValue', 'ssm:GetParameter', 'kms:Decrypt', 'dynamodb:Scan', 'athena:GetQueryResults'];

export const readAllData: IamRule = {
  id: 'iam.read-all-data',
  title: 'Read access to all buckets, secrets or keys',
  category: 'iam',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-200', 'CWE-732'],
  what:
    'Finds Allow statements granting data reads (s3:GetObject, secretsmanager:GetSecretValue, ssm:GetParameter, ' +
    'kms:Decrypt, dynamodb:Scan, athena:GetQueryResults — directly or by wildcard) on every resource.',
  why:
    'One job reads one dataset. Read access to every bucket and secret turns any compromise of that job — an ' +
    'unpickled upload, an injected command — into exfiltration of everything the account stores.',
  remediation: 'Scope reads to the bucket prefixes, secret ARNs and key ARNs the job uses.',
  bad: [{ file: 'policies/etl.json', code: examplePolicy({ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: '*' }) }],
  good: [{ file: 'policies/etl.json', code: examplePolicy({ Effect: 'Allow', Action: ['s3:GetObject'], Resource: 'arn:aws:s3:::raw-events/incoming/*' }) }],
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege', 'https://cwe.mitre.org/data/definitions/200.html'],
  check(policy, ctx) {
    for (const s of policy.statements) {
      if (s.effect !== 'Allow' || s.hasCondition || !onEveryResource(s)) continue;
      const reads = EXFILTRATING.filter((a) => allows(s, a));
      if (reads.length > 0) ctx.report(s, `${statementName(s)} allows ${reads.join(', ')} on every resource`);
    }
  },
};
