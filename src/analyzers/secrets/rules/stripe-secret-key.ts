import { token } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const stripeSecretKey = secretRule({
  id: 'secret.stripe-secret-key',
  title: 'Stripe secret or restricted API key',
  severity: 'critical',
  what: 'Finds Stripe secret (sk_) and restricted (rk_) API keys, live and test mode; a test-mode key is medium.',
  why: 'A live secret key moves money: refunds, payouts and every customer\'s payment data and PII are one API call away.',
  remediation: 'Roll the key in the Stripe dashboard (Developers → API keys → Roll key) and load it from a secret store; use restricted keys with only the needed resources.',
  anchors: ['sk_live_', 'sk_test_', 'rk_live_', 'rk_test_'],
  pattern: token('[sr]k_(?:live|test)_[A-Za-z0-9]{24,99}'),
  verify: ({ secret }) => (secret.includes('_test_') ? { severity: 'medium', detail: 'test-mode key' } : undefined),
  bad: [{ file: 'billing/export.py', code: 'stripe.api_key = "sk_live_FAKEkQjOn2f4jdEsyzpoAEki"\n' }],
  good: [{ file: 'billing/export.py', code: 'stripe.api_key = os.environ["STRIPE_API_KEY"]\n' }],
  references: ['https://docs.stripe.com/keys', 'https://cwe.mitre.org/data/definitions/798.html'],
});
