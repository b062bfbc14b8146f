import { token } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const sendgridApiKey = secretRule({
  id: 'secret.sendgrid-api-key',
  title: 'SendGrid API key',
  severity: 'high',
  what: 'Finds SendGrid API keys: SG., 22 characters, a dot and 43 more.',
  why: 'A full-access key sends mail from the company\'s verified domains (phishing that passes SPF and DKIM) and reads contact lists.',
  remediation: 'Delete the key under Settings → API Keys and create a restricted one (Mail Send only) held in a secret store.',
  anchors: ['sg.'],
  pattern: token('SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}'),
  bad: [{ file: 'reports/mailer.py', code: 'sg = SendGridAPIClient("SG.FAKEsxvrX2h5b2x0qq2R6W.3LDRonxNqYW8aX6H0AKJX-XbwxxZl59Uxf1CmokoQ2D")\n' }],
  good: [{ file: 'reports/mailer.py', code: 'sg = SendGridAPIClient(os.environ["SENDGRID_API_KEY"])\n' }],
  references: ['https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys', 'https://cwe.mitre.org/data/definitions/798.html'],
});
