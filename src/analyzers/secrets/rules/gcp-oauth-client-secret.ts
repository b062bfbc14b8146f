import { token } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const gcpOauthClientSecret = secretRule({
  id: 'secret.gcp-oauth-client-secret',
  title: 'Google OAuth client secret',
  severity: 'high',
  what: 'Finds Google OAuth 2.0 client secrets in their current format, GOCSPX- followed by 28 characters.',
  why:
    'With the client secret anyone can run the OAuth flow as the application, phishing users into granting it ' +
    'access to their Drive, Sheets or BigQuery data under the app\'s trusted name.',
  remediation: 'Reset the client secret in the Google Cloud console (Credentials → OAuth client → Reset secret) and load it from a secret manager.',
  anchors: ['gocspx-'],
  pattern: token('GOCSPX-[A-Za-z0-9_-]{28}'),
  bad: [{ file: 'client_secret.json', code: '{"installed": {"client_id": "1234-abc.apps.googleusercontent.com", "client_secret": "GOCSPX-FAKEwfmMmLscTI4xPJoB15hPnplf"}}\n' }],
  good: [{ file: 'auth.py', code: 'client_secret = secretmanager.access("oauth-client-secret")\n' }],
  references: ['https://developers.google.com/identity/protocols/oauth2', 'https://cwe.mitre.org/data/definitions/798.html'],
});
