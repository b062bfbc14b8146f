import { checksummedToken } from '../base62-checksum.js';
import { secretRule } from '../secret-rule.js';

export const githubOauthToken = secretRule({
  id: 'secret.github-oauth-token',
  title: 'GitHub OAuth access token',
  severity: 'high',
  ...checksummedToken('gho'),
  what: 'Finds GitHub OAuth app access tokens (gho_ and 36 base-62 characters), checking their CRC32 checksum.',
  why: 'An OAuth token acts as the user who authorised the app, with the app\'s scopes, until the user or app revokes it.',
  remediation: 'Revoke it (the user\'s Authorized OAuth Apps page, or the app\'s token API) and keep tokens in the app\'s encrypted store, never in code.',
  bad: [{ file: 'tools/release.py', code: 'HEADERS = {"Authorization": "token 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"}\n' }],
  good: [{ file: 'tools/release.py', code: 'HEADERS = {"Authorization": f"token {os.environ[\'GH_TOKEN\']}"}\n' }],
  references: ['https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/', 'https://cwe.mitre.org/data/definitions/798.html'],
});
