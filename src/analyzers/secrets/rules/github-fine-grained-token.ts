import { token } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const githubFineGrainedToken = secretRule({
  id: 'secret.github-fine-grained-token',
  title: 'GitHub fine-grained personal access token',
  severity: 'high',
  what: 'Finds fine-grained GitHub personal access tokens: github_pat_, 22 base-62 characters, an underscore and 59 more.',
  why: 'It acts as its owner on the repositories and with the permissions chosen at creation, until it expires (up to a year, or never if the organisation allows).',
  remediation: 'Revoke it under Settings → Developer settings → Fine-grained tokens; prefer a GitHub App or the workflow GITHUB_TOKEN for automation.',
  anchors: ['github_pat_'],
  pattern: token('github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}'),
  bad: [{ file: '.env', code: 'GH_TOKEN=github_pat_FAKEEvRtcIYjZm2QGdOcOi_V58NVyDyQCJUS07Ui7yDhgHHqc45VeJVffAQhXZYJQVSAx9zetCKVuou1he\n' }],
  good: [{ file: '.env.example', code: 'GH_TOKEN=<fine-grained token with contents:read>\n' }],
  references: ['https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens', 'https://cwe.mitre.org/data/definitions/798.html'],
});
