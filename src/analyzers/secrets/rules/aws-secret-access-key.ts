import { shannonEntropy } from '../entropy.js';
import { secretRule } from '../secret-rule.js';

const KEY_ID = /(?<![A-Z0-9])(?:AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])/;
/** 40 random base-64 characters carry about 5 bits each; a made-up string of one repeated word does not. */
const MIN_ENTROPY = 3.5;

export const awsSecretAccessKey = secretRule({
  id: 'secret.aws-secret-access-key',
  title: 'AWS secret access key',
  severity: 'high',
  what:
    'Finds 40-character AWS secret access keys assigned to a name like aws_secret_access_key / SecretAccessKey, or ' +
    'written right after an access key id (the console\'s credentials CSV). With a key id in the same file it is critical.',
  why:
    'The secret access key is the half of an AWS credential that signs requests; with the key id (which is never ' +
    'secret for long) it gives every permission of the user, often the whole data lake.',
  remediation:
    'Deactivate the access key in IAM, review CloudTrail for its use, and use roles (instance profiles, IRSA, CI ' +
    'OIDC) or the default credential chain instead of keys in files.',
  anchors: ['secret_access', 'secretaccess', 'secret-access', 'secret_key', 'secretkey', 'aws_secret', 'akia', 'asia'],
  // The key id is matched, not looked behind at: a lookbehind is tried at every offset of the
  // file, and cost ten times what the rest of the pattern does.
  pattern:
    /(?:(?<name>(?:aws)?_?secret_?(?:access)?_?key)(?:\\?["'])?[ \t]*(?::=|=>|=|:)[ \t]*(?:\\?["'])?|(?:AKIA|ASIA)[A-Z0-9]{16}["']?[ \t]*[,;|:][ \t]*["']?)(?<secret>[A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])/i,
  verify({ secret, text }) {
    if (shannonEntropy(secret) < MIN_ENTROPY) return { reject: true };
    return KEY_ID.test(text) ? { severity: 'critical', detail: 'paired with an access key id in the same file' } : undefined;
  },
  bad: [
    { file: 'config/.env', code: 'AWS_SECRET_ACCESS_KEY=4mnb0QqSBEAcbJg7s6/8G5iRh2307V3/K9DKTW+j\n' },
    { file: 'ops/credentials.csv', code: 'Access key ID,Secret access key\nAKIAZ7FAKEKEY4DEMO12,4mnb0QqSBEAcbJg7s6/8G5iRh2307V3/K9DKTW+j\n' },
  ],
  good: [{ file: 'config/.env', code: 'AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY}\n' }],
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html', 'https://cwe.mitre.org/data/definitions/798.html'],
});
