import { checksummedToken } from '../base62-checksum.js';
import { secretRule } from '../secret-rule.js';

export const githubRefreshToken = secretRule({
  id: 'secret.github-refresh-token',
  title: 'GitHub refresh token',
  severity: 'high',
  ...checksummedToken('ghr'),
  what: 'Finds GitHub App refresh tokens (ghr_ and 36 base-62 characters), checking their CRC32 checksum.',
  why: 'A refresh token lives for six months and mints new user-to-server tokens on demand, so it outlives every access token it produces.',
  remediation: 'Revoke the user\'s authorisation of the App so the refresh token dies with it, and store refresh tokens only in the App\'s encrypted token store.',
  bad: [{ file: 'app/tokens.json', code: '{"refresh_token": "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"}\n' }],
  good: [{ file: 'app/tokens.py', code: 'refresh_token = vault.read("github/refresh_token")\n' }],
  references: ['https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/refreshing-user-access-tokens', 'https://cwe.mitre.org/data/definitions/798.html'],
});
