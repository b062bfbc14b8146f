import { token } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const twilioApiKey = secretRule({
  id: 'secret.twilio-api-key',
  title: 'Twilio API key SID',
  severity: 'medium',
  what: 'Finds Twilio API key SIDs (SK and 32 hex digits) in files that mention Twilio; the SID pairs with an API key secret.',
  why: 'With its secret (often stored right next to it) the key sends SMS and calls billed to the account and reads message logs containing customer phone numbers.',
  remediation: 'Delete the API key in the Twilio console and create a new one whose SID and secret live in a secret store.',
  anchors: ['twilio'],
  pattern: token('SK[0-9a-fA-F]{32}'),
  bad: [{ file: 'notify/sms.py', code: 'from twilio.rest import Client\nclient = Client("SK924cc71bb01534a8d8d82a88cf9be5e7", api_secret, account_sid)\n' }],
  good: [{ file: 'notify/sms.py', code: 'from twilio.rest import Client\nclient = Client(os.environ["TWILIO_API_KEY"], os.environ["TWILIO_API_SECRET"], account_sid)\n' }],
  references: ['https://www.twilio.com/docs/iam/api-keys', 'https://cwe.mitre.org/data/definitions/798.html'],
});
