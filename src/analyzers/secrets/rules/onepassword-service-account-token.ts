import { token } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const onepasswordServiceAccountToken = secretRule({
  id: 'secret.onepassword-service-account-token',
  title: '1Password service account token',
  severity: 'critical',
  what: 'Finds 1Password service account tokens: ops_ followed by a base-64 JSON document (ops_eyJ…).',
  why: 'The token reads every vault the service account was granted — a key to many other secrets at once.',
  remediation: 'Revoke the service account token in 1Password and inject its replacement as a masked CI secret (OP_SERVICE_ACCOUNT_TOKEN).',
  anchors: ['ops_ey'],
  pattern: token('ops_eyJ[A-Za-z0-9+/=_-]{100,}'),
  bad: [
    {
      file: 'ci/.env',
      code:
        'OP_SERVICE_ACCOUNT_TOKEN=ops_eyJcA7kcwO5Cqi7BZQx95t/jLpW80t281JGB6ZjboTBghfkaKEsNjrhTRWGkTDA5uXsSfv/3IPiEceAJ67vcCi6iLi2LMmUOQ6EfHF/GZGpM927aaDmUUlebnBsZ/weHZ9TkKTKlEHNDoIF9kVLEYI2hZ5Db\n',
    },
  ],
  good: [{ file: 'ci/.env.example', code: 'OP_SERVICE_ACCOUNT_TOKEN=\n' }],
  references: ['https://developer.1password.com/docs/service-accounts/', 'https://cwe.mitre.org/data/definitions/798.html'],
});
