import { shannonEntropy } from '../entropy.js';
import { secretRule } from '../secret-rule.js';

/** Bits per character below which a "token" is a word or a sample, not a random credential. */
const MIN_ENTROPY = 3.5;

export const bearerToken = secretRule({
  id: 'secret.bearer-token',
  title: 'Literal bearer token in an Authorization header',
  severity: 'medium',
  confidence: 'medium',
  specificity: 'structure',
  what: 'Finds `Authorization: Bearer <token>` with a literal, random-looking token (at least 20 characters, entropy ≥ 3.5 bits per character).',
  why: 'Whoever holds a bearer token is its owner for the API until the token expires; scripts and notebooks that hard-code one leak it with every copy.',
  remediation: 'Revoke the token with its issuer and fetch one at run time (OAuth client credentials, a secret store).',
  anchors: ['bearer '],
  pattern: /Authorization\\?["']?\s*[:=,]\s*\\?["']?Bearer\s+(?<secret>[A-Za-z0-9._~+/-]{20,}=*)/i,
  verify: ({ secret }) => (shannonEntropy(secret) >= MIN_ENTROPY ? undefined : { reject: true }),
  bad: [{ file: 'notebooks/pull.py', code: 'headers = {"Authorization": "Bearer 9f3Kx72LmQp4Rt8Zb1Wv6Yc0Hn5Jd2Ua"}\n' }],
  good: [{ file: 'notebooks/pull.py', code: 'headers = {"Authorization": f"Bearer {get_token()}"}\n' }],
  references: ['https://datatracker.ietf.org/doc/html/rfc6750', 'https://cwe.mitre.org/data/definitions/798.html'],
});
