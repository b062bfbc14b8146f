import { assignedName, isPascalCaseName, namedLiteral, QUOTED_CHAR, randomLiteral, VALUE_CHAR } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

/**
 * Shannon entropy, in bits per character, from which a value counts as random. Random base-64
 * or hex strings of 16+ characters score 3.6–4.0 (hex tops out at 4.0); words, names and
 * repeated patterns score below 3.5 (`my-api-key-value` ≈ 3.2).
 */
export const GENERIC_SECRET_MIN_ENTROPY = 3.5;
export const GENERIC_SECRET_MIN_LENGTH = 16;

const KEYWORD = String.raw`(?:secret|token(?!iz)|api[_-]?key|apikey|access[_-]?key|auth[_-]?key|private[_-]?key|signing[_-]?key|encryption[_-]?key|master[_-]?key|credentials?)`;

/**
 * Tokens that grant nothing: pagination cursors, idempotency and request ids, optimistic-locking
 * tokens and DNS verification values (`NextToken`, `ContinuationToken`, `RequestToken`,
 * `page_token`, AWS's `UpdateToken`), and the id a CI names a stored credential by (Jenkins'
 * `credentialsId: 'f6c3d8c2-…'`). A client token is left in: Vault's `client_token` is a credential.
 */
const NOT_A_CREDENTIAL = /(?:next|page|pagination|continuation|starting|resume|sync|marker|cursor|change|update|request|idempotency|cancellation|verification)[_-]?token$|^credentials?[_-]?id$/i;
/**
 * A name for AWS Secrets Manager or Google Secret Manager itself (`alias/aws/secretsmanager`,
 * `SECRETSMANAGER_ENDPOINT`) holds ids, endpoints and aliases, unless a credential word follows.
 */
const SECRET_STORE_SERVICE = /secrets?[_-]?manager(?![\w-]*(?:key|token|secret|credential|password))/i;
const isRandomLiteral = randomLiteral(GENERIC_SECRET_MIN_ENTROPY);

export const genericSecret = secretRule({
  id: 'secret.generic-secret',
  title: 'Hard-coded secret (high-entropy literal)',
  severity: 'medium',
  confidence: 'medium',
  specificity: 'generic',
  what:
    'Finds a literal assigned to a secret-like name (secret, token, api_key, access_key, private_key, client_secret, ' +
    `credentials …) whose value is at least ${GENERIC_SECRET_MIN_LENGTH} characters with a Shannon entropy of at least ` +
    `${GENERIC_SECRET_MIN_ENTROPY} bits per character. Values that read as names or paths, placeholders and tokens that ` +
    'grant nothing (NextToken, ContinuationToken, RequestToken, UpdateToken, page_token) are left out, as are names ' +
    'of the secret stores themselves (alias/aws/secretsmanager, SECRETSMANAGER_ENDPOINT); ' +
    'formats with their own detector are reported by that detector instead.',
  why: 'Services without a recognisable key format still issue random tokens; a random literal under a secret-like name is almost always one.',
  remediation: 'Revoke the credential with its issuer, and read it at run time from the environment or a secret store.',
  // One anchor for every spelling KEYWORD accepts: matches are tried only where these occur.
  anchors: ['secret', 'token', 'credential', ...['api', 'access', 'auth', 'private', 'signing', 'encryption', 'master'].flatMap((w) => [`${w}_key`, `${w}-key`, `${w}key`])],
  startsAtAnchor: true,
  pattern: namedLiteral(KEYWORD, `${QUOTED_CHAR}{${GENERIC_SECRET_MIN_LENGTH},400}`, `${VALUE_CHAR}{${GENERIC_SECRET_MIN_LENGTH},400}`),
  verify: (candidate) => (notACredentialName(assignedName(candidate)) || isPascalCaseName(candidate.secret) ? { reject: true } : isRandomLiteral(candidate)),
  bad: [
    { file: 'jobs/vendor_sync.py', code: 'VENDOR_API_TOKEN = "q8Zr4LxT2mWv9NcB7yKd3PfH"\n' },
    { file: '.env', code: 'PARTNER_CLIENT_SECRET=Xk29vLq7Tz4Rb8Nw1Mc6Hy3J\n' },
  ],
  good: [
    { file: 'jobs/vendor_sync.py', code: 'VENDOR_API_TOKEN = os.environ["VENDOR_API_TOKEN"]\nTOKEN_SECRET_NAME = "projects/acme/secrets/vendor-token/versions/latest"\n' },
    { file: 'train/tokenize.py', code: 'tokenizer = AutoTokenizer.from_pretrained("bert-base-uncased")\n' },
  ],
  bandit: ['B105', 'B106', 'B107'],
  references: ['https://cwe.mitre.org/data/definitions/798.html', 'https://en.wikipedia.org/wiki/Entropy_(information_theory)'],
});

function notACredentialName(name: string): boolean {
  return NOT_A_CREDENTIAL.test(name) || SECRET_STORE_SERVICE.test(name);
}
