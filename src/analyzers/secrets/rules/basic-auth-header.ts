import { isPlaceholder } from '../placeholders.js';
import { secretRule } from '../secret-rule.js';

export const basicAuthHeader = secretRule({
  id: 'secret.basic-auth-header',
  title: 'HTTP Basic Authorization header with credentials',
  severity: 'high',
  cwe: ['CWE-798', 'CWE-259'],
  specificity: 'structure',
  what: 'Finds literal `Authorization: Basic <base64>` headers whose value decodes to user:password.',
  why: 'Base64 is an encoding, not encryption: the header is the user name and password in clear, sent to the API on every request.',
  remediation: 'Change the password, and build the header at run time from credentials in the environment or a secret store.',
  anchors: ['basic '],
  pattern: /Authorization\\?["']?\s*[:=,]\s*\\?["']?Basic\s+(?<secret>[A-Za-z0-9+/]{8,}={0,2})/i,
  verify({ secret }) {
    const decoded = Buffer.from(secret, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    const password = decoded.slice(colon + 1);
    return colon > 0 && password.length > 0 && !isPlaceholder(password) && !/[\u0000-\u001f\ufffd]/.test(decoded) ? undefined : { reject: true };
  },
  bad: [{ file: 'extract/api.sh', code: 'curl -H "Authorization: Basic ZXRsOkIzc2ljQXV0aFBhc3M=" https://api.example.com/export\n' }],
  good: [{ file: 'extract/api.sh', code: 'curl -u "etl:${API_PASSWORD}" https://api.example.com/export\n' }],
  references: ['https://datatracker.ietf.org/doc/html/rfc7617', 'https://cwe.mitre.org/data/definitions/259.html'],
});
