import { token } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const awsSessionToken = secretRule({
  id: 'secret.aws-session-token',
  title: 'AWS session token',
  severity: 'high',
  what: 'Finds AWS STS session tokens by their fixed base-64 prefixes (IQoJb3JpZ2lu…, and the older FwoGZXIvYXdz… / FQoGZXIvYXdz…).',
  why:
    'A session token with its temporary key pair acts as the assumed role until it expires (up to 12 hours, 36 for ' +
    'some roles) — long enough to copy a data lake. Tokens pasted into notebooks or .env files also show which role ' +
    'is reachable.',
  remediation:
    'Revoke the role\'s active sessions (IAM → Roles → Revoke sessions), and let SDKs fetch temporary credentials ' +
    'themselves from the role instead of pasting them into files.',
  anchors: ['iqojb3jpz2lu', 'fwogzxivyxdz', 'fqogzxivyxdz'],
  pattern: token('(?:IQoJb3JpZ2lu|FwoGZXIvYXdz|FQoGZXIvYXdz)[A-Za-z0-9/+]{80,}={0,2}'),
  bad: [
    {
      file: 'notebooks/env.sh',
      code:
        'export AWS_SESSION_TOKEN=IQoJb3JpZ2luX2VjEFAKEkRHlgSRkVF2bCTwmUEeHkltCtq6ZI7GqMjOXTOcRAXKSosTq1/B/sHVrnKQbNWayveXFMFZhJDvXCqsv9IemgAeHSQs+e/KY0rfJAk7stjG2V9UtqYVE/W2Q\n',
    },
  ],
  good: [{ file: 'notebooks/env.sh', code: 'eval "$(aws configure export-credentials --profile etl --format env)"\n' }],
  references: ['https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_use-resources.html', 'https://cwe.mitre.org/data/definitions/798.html'],
});
