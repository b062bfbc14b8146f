/**
 * Names and values of configuration variables that hold credentials: shared by the Dockerfile
 * `ENV`/`ARG` rules and the Kubernetes `env` rule, which flag literals under such names.
 */

const SECRET_WORDS = new Set(['password', 'passwd', 'pwd', 'passphrase', 'secret', 'token', 'apikey', 'credential', 'credentials']);
/** Word pairs that name a credential together ("API_KEY", "privateKey"). */
const SECRET_PAIRS = new Set(['api key', 'access key', 'secret key', 'private key', 'auth key', 'signing key', 'encryption key', 'master key', 'client secret']);
/** A last word that says the variable holds something about a secret, not the secret itself. */
const NOT_A_VALUE = new Set([
  'file', 'path', 'dir', 'name', 'url', 'uri', 'endpoint', 'host', 'port', 'user', 'username', 'id', 'ttl', 'timeout', 'length',
  'header', 'type', 'enabled', 'mode', 'ref', 'arn', 'region', 'version', 'expiry', 'field', 'env', 'var', 'secretname', 'location',
]);
const NOT_SECRET_VALUES = new Set(['true', 'false', 'yes', 'no', 'null', 'none', '']);

/** "DB_PASSWORD", "apiKey", "aws-secret-access-key" → lower-case words. */
function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

export function isSecretLikeName(name: string): boolean {
  const words = wordsOf(name);
  if (words.length === 0 || NOT_A_VALUE.has(words[words.length - 1]!)) return false;
  return words.some((w, i) => SECRET_WORDS.has(w) || (i > 0 && SECRET_PAIRS.has(`${words[i - 1]} ${w}`)));
}

/**
 * A file the secret is kept in (`GOOGLE_APPLICATION_CREDENTIALS=/var/secrets/google/key.json`): a name
 * with a file extension, or a path under a secrets mount. Tokens do not end in `.json`.
 */
const FILE_REFERENCE = /^[\w./~-]*\.(json|pem|key|p12|pfx|jks|crt|txt|ya?ml|cfg|conf|ini|env)$|^\/(run|var|etc)?\/?secrets\//i;

/**
 * A value written out in the file, rather than a reference (`$VAR`, `{{ … }}`), a flag, a
 * placeholder (`<token>`) or the file that holds the secret.
 */
export function isLiteralSecretValue(value: string): boolean {
  const v = value.trim();
  if (NOT_SECRET_VALUES.has(v.toLowerCase()) || FILE_REFERENCE.test(v)) return false;
  return !/\$|\{\{/.test(v) && !/^<[^>]*>$/.test(v);
}

/** "abcd…" — enough to recognise the value, never the whole secret. */
export function redact(value: string): string {
  return value.length <= 4 ? '…' : `${value.slice(0, 4)}…`;
}
