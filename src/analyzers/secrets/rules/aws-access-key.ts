import { token } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

/** A 40-character secret access key within a few lines of the key id completes the credential. */
const NEARBY_SECRET = /(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;
const NEARBY = 400;

export const awsAccessKey = secretRule({
  id: 'secret.aws-access-key',
  title: 'AWS access key id',
  severity: 'high',
  what:
    'Finds AWS access key ids (AKIA… long-term user keys, ASIA… temporary STS keys, ABIA/ACCA) in any text file. ' +
    'When a 40-character secret access key sits within a few lines, the pair is a complete credential and is critical.',
  why:
    'A key id with its secret signs requests as the IAM user or role: pipeline users usually hold S3, Glue and ' +
    'Redshift rights over the raw data. Bots harvest keys from public commits within minutes.',
  remediation:
    'Deactivate and delete the key in IAM (Security credentials → Access keys), check CloudTrail for its use, and ' +
    'give the job an IAM role (instance profile, IRSA, or a CI OIDC role) instead of long-term keys.',
  anchors: ['akia', 'asia', 'abia', 'acca'],
  pattern: token('(?:AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}'),
  verify({ secret, index, text }) {
    const around = text.slice(Math.max(0, index - NEARBY), index + NEARBY);
    const temporary = secret.startsWith('ASIA') ? 'temporary STS key id' : undefined;
    // Mixed case tells a secret key from a 40-digit hex digest (a commit id, a SHA-1).
    const paired = [...around.matchAll(NEARBY_SECRET)].some(([s]) => /[A-Z]/.test(s) && /[a-z]/.test(s));
    if (!paired) return temporary ? { detail: temporary } : undefined;
    return { severity: 'critical', detail: [temporary, 'paired with a secret access key nearby'].filter(Boolean).join(', ') };
  },
  bad: [
    { file: 'jobs/export.py', code: 's3 = boto3.client("s3", aws_access_key_id="AKIAZ7FAKEKEY4DEMO12")\n' },
    {
      file: '.aws/credentials',
      code: '[default]\naws_access_key_id = AKIAZ7FAKEKEY4DEMO12\naws_secret_access_key = 4mnb0QqSBEAcbJg7s6/8G5iRh2307V3/K9DKTW+j\n',
    },
  ],
  good: [{ file: 'jobs/export.py', code: '# credentials come from the task role\ns3 = boto3.client("s3")\n' }],
  references: [
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids',
    'https://cwe.mitre.org/data/definitions/798.html',
  ],
});
