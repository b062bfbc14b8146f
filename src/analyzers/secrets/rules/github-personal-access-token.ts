import { checksummedToken } from '../base62-checksum.js';
import { secretRule } from '../secret-rule.js';

export const githubPersonalAccessToken = secretRule({
  id: 'secret.github-personal-access-token',
  title: 'GitHub personal access token (classic)',
  severity: 'high',
  ...checksummedToken('ghp'),
  what:
    'Finds classic GitHub personal access tokens (ghp_ and 36 base-62 characters) and checks the CRC32 checksum in ' +
    'their last six characters; a token whose checksum fails is reported low as a probable look-alike.',
  why:
    'A classic PAT acts as its owner on every repository and organisation they can reach, with the scopes chosen at ' +
    'creation — often repo and workflow, enough to read private code and push to the DAGs that run in production.',
  remediation:
    'Revoke the token (Settings → Developer settings → Personal access tokens), and use a GitHub App installation ' +
    'token or the workflow\'s GITHUB_TOKEN instead.',
  bad: [{ file: 'scripts/sync.sh', code: 'git clone https://x-access-token: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@github.com/acme/dags.git\n' }],
  good: [{ file: 'scripts/sync.sh', code: 'git clone "https://x-access-token:${GITHUB_TOKEN}@github.com/acme/dags.git"\n' }],
  references: ['https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/', 'https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/managing-your-personal-access-tokens', 'https://cwe.mitre.org/data/definitions/798.html'],
});
