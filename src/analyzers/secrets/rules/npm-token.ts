import { checksummedToken } from '../base62-checksum.js';
import { secretRule } from '../secret-rule.js';

export const npmToken = secretRule({
  id: 'secret.npm-token',
  title: 'npm access token',
  severity: 'high',
  ...checksummedToken('npm'),
  what: 'Finds npm access tokens (npm_ and 36 base-62 characters) and checks their CRC32 checksum, as for GitHub tokens.',
  why: 'A publish token pushes new versions of the organisation\'s packages — a supply-chain attack on every pipeline and service that installs them.',
  remediation: 'Revoke the token (npm token revoke, or the website), and use granular, short-lived tokens or trusted publishing from CI.',
  bad: [{ file: 'ci/publish.sh', code: 'npm config set //registry.npmjs.org/:_authToken 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\n' }],
  good: [{ file: 'ci/publish.sh', code: 'npm config set //registry.npmjs.org/:_authToken "${NPM_TOKEN}"\n' }],
  references: ['https://github.blog/2021-09-23-announcing-npms-new-access-token-format/', 'https://docs.npmjs.com/about-access-tokens', 'https://cwe.mitre.org/data/definitions/798.html'],
});
