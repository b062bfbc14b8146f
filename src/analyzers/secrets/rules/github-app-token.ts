import { checksummedToken } from '../base62-checksum.js';
import { secretRule } from '../secret-rule.js';

export const githubAppToken = secretRule({
  id: 'secret.github-app-token',
  title: 'GitHub App installation or user-to-server token',
  severity: 'medium',
  ...checksummedToken('ghs', 'ghu'),
  what: 'Finds GitHub App tokens — installation (ghs_) and user-to-server (ghu_) — with their CRC32 checksum checked.',
  why: 'They expire after an hour (ghs_) or eight hours (ghu_), but until then act with every permission of the App installation, on every repository it was granted.',
  remediation: 'Let the token expire or revoke it through the API, and mint installation tokens at run time from the App\'s key held in a secret store.',
  bad: [{ file: 'ci/debug.log', code: 'Using token ghs_FAKEEBc0HmlQMVFIqHa3sgRApHDSmM3XS02T for acme/dags\n' }],
  good: [{ file: 'ci/debug.log', code: 'Using token *** for acme/dags\n' }],
  references: ['https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/about-authentication-with-a-github-app', 'https://cwe.mitre.org/data/definitions/798.html'],
});
