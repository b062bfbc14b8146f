import { randomLiteral } from '../patterns.js';
import { secretRule } from '../secret-rule.js';
import { GENERIC_PASSWORD_MIN_ENTROPY, GENERIC_PASSWORD_MIN_LENGTH } from './generic-password.js';

/** Arguments and classes that take a (user, password) pair: requests, httpx, Elasticsearch, OpenSearch, aiohttp. */
const TAKER = String.raw`(?:\b(?:auth|http_auth|basic_auth)[ \t]*=[ \t]*[(\[]|\b(?:HTTPBasicAuth|HTTPDigestAuth|BasicAuth|DigestAuth)[ \t]*\()`;

export const authTuple = secretRule({
  id: 'secret.auth-tuple',
  title: 'Hard-coded user name and password pair',
  severity: 'high',
  cwe: ['CWE-798', 'CWE-259'],
  specificity: 'structure',
  what:
    'Finds a literal (user, password) pair given as `auth=`, `http_auth=` or `basic_auth=` (requests, httpx, Elasticsearch, ' +
    'OpenSearch clients) or to `HTTPBasicAuth`/`HTTPDigestAuth`/`BasicAuth(…)`, whose password has at least ' +
    `${GENERIC_PASSWORD_MIN_LENGTH} characters and ${GENERIC_PASSWORD_MIN_ENTROPY} bits of entropy per character.`,
  why: 'The pair logs in to the API or search cluster the pipeline reads or writes; in a notebook or DAG it is shared with everyone who reads the repository.',
  remediation: 'Change the password, and read the pair at run time from the environment or a secret store (or use API keys or tokens the service can scope and revoke).',
  anchors: ['auth', 'http_auth', 'basic_auth', 'httpbasicauth', 'httpdigestauth', 'basicauth', 'digestauth'],
  startsAtAnchor: true,
  // Quotes may be escaped, as in a notebook's JSON (`http_auth=(\"elastic\", \"…\")`).
  pattern: new RegExp(String.raw`${TAKER}[ \t]*\\?["'][^"'\\\n]{1,100}\\?["'][ \t]*,[ \t]*\\?["'](?<secret>[^"'\\\n]{${GENERIC_PASSWORD_MIN_LENGTH},200})\\?["']`, 'i'),
  verify: randomLiteral(GENERIC_PASSWORD_MIN_ENTROPY),
  bad: [{ file: 'etl/index.py', code: 'es = Elasticsearch(hosts=[ES_URL], http_auth=("elastic", "piBb8K7c0ATizq5R725uRy8N"))\n' }],
  good: [{ file: 'etl/index.py', code: 'es = Elasticsearch(hosts=[ES_URL], http_auth=("elastic", os.environ["ES_PASSWORD"]))\n' }],
  references: ['https://requests.readthedocs.io/en/latest/user/authentication/', 'https://cwe.mitre.org/data/definitions/259.html'],
});
