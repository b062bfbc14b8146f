import { token } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const shopifyToken = secretRule({
  id: 'secret.shopify-token',
  title: 'Shopify access token or shared secret',
  severity: 'high',
  what: 'Finds Shopify Admin API access tokens (shpat_), custom-app (shpca_), private-app (shppa_) tokens and shared secrets (shpss_).',
  why: 'An Admin API token reads the shop\'s orders and customers (names, addresses, emails) and can change products and prices.',
  remediation: 'Uninstall and reinstall the app (or rotate the token in the app\'s API credentials) and keep the new token in a secret store.',
  anchors: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
  pattern: token('shp(?:at|ca|pa|ss)_[A-Za-z0-9]{32,64}'),
  bad: [{ file: 'extract/shopify.py', code: 'session = Session("acme.myshopify.com", "2024-07", "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")\n' }],
  good: [{ file: 'extract/shopify.py', code: 'session = Session("acme.myshopify.com", "2024-07", os.environ["SHOPIFY_ADMIN_TOKEN"])\n' }],
  references: ['https://shopify.dev/docs/apps/build/authentication-authorization/access-tokens', 'https://cwe.mitre.org/data/definitions/798.html'],
});
