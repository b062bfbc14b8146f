import { token } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const stripeWebhookSecret = secretRule({
  id: 'secret.stripe-webhook-secret',
  title: 'Stripe webhook signing secret',
  severity: 'medium',
  what: 'Finds Stripe webhook endpoint signing secrets: whsec_ followed by at least 32 characters.',
  why: 'With the signing secret an attacker forges webhook events (payment succeeded, subscription updated) that the pipeline ingests as truth.',
  remediation: 'Roll the endpoint\'s signing secret in the dashboard and read it from the environment.',
  anchors: ['whsec_'],
  pattern: token('whsec_[A-Za-z0-9+/]{32,}={0,2}'),
  bad: [{ file: 'ingest/webhooks.ts', code: "const endpointSecret = 'whsec_FAKETHibdZ3hcE0koQXDvwFsccKIIyuz';\n" }],
  good: [{ file: 'ingest/webhooks.ts', code: 'const endpointSecret = process.env.STRIPE_WEBHOOK_SECRET;\n' }],
  references: ['https://docs.stripe.com/webhooks#verify-events', 'https://cwe.mitre.org/data/definitions/798.html'],
});
