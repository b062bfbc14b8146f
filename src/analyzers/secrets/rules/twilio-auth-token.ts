import { assigned } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const twilioAuthToken = secretRule({
  id: 'secret.twilio-auth-token',
  title: 'Twilio auth token',
  severity: 'high',
  what: 'Finds a 32-hex-digit Twilio auth token assigned to a name like TWILIO_AUTH_TOKEN or twilio_token.',
  why: 'The auth token is the account\'s master password for the API: it sends messages, buys numbers and reads every message log.',
  remediation: 'Rotate the auth token in the Twilio console (promote the secondary token), and prefer API keys kept in a secret store.',
  anchors: ['twilio'],
  pattern: assigned(String.raw`twilio[\w.-]{0,40}?(?:auth)?[_-]?token`, '[0-9a-f]{32}', 'i'),
  bad: [{ file: 'notify/.env', code: 'TWILIO_ACCOUNT_SID=AC924cc71bb01534a8d8d82a88cf9be5e7\nTWILIO_AUTH_TOKEN=8f445baa72222591012e3d05023bf92a\n' }],
  good: [{ file: 'notify/settings.py', code: 'TWILIO_AUTH_TOKEN = os.getenv("TWILIO_AUTH_TOKEN")\n' }],
  references: ['https://www.twilio.com/docs/iam/credentials/api', 'https://cwe.mitre.org/data/definitions/798.html'],
});
