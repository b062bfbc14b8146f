import type { CallSite } from '../call-site.js';
import type { SyntaxNode } from '../parser.js';
import type { PythonRule } from '../python-rule.js';

const RANDOM_CALLS = new Set(
  ['random', 'randint', 'randrange', 'choice', 'choices', 'getrandbits', 'sample', 'uniform', 'randbytes'].map((f) => `random.${f}`),
);
/** Names that say the value guards something: a token, a password, a key. */
const SECRET_PURPOSE = /token|secret|passw|pwd|salt|nonce|otp|api_?key|session|csrf|signature|credential/i;

export const insecureRandom: PythonRule = {
  id: 'py.random.insecure',
  title: 'Predictable random numbers used for a secret',
  category: 'sast',
  severity: 'medium',
  confidence: 'medium',
  cwe: ['CWE-330', 'CWE-338'],
  what:
    'Finds calls of the random module whose result is stored under, passed as, or returned from something named ' +
    'like a token, password, salt, nonce or key (Bandit B311, narrowed: sampling rows with random is fine).',
  why:
    'random is a Mersenne Twister: after 624 outputs an observer predicts every later one. Share links, API tokens ' +
    'or pseudonymisation salts made with it can be recomputed by anyone who saw a few.',
  remediation: 'Use secrets.token_urlsafe(), secrets.token_hex() or secrets.choice() for anything that guards access.',
  bad: [
    {
      file: 'jobs/share.py',
      code:
        'import random\nimport string\n\n\n' +
        'def share_link(dataset: str) -> str:\n' +
        '    token = "".join(random.choice(string.ascii_letters) for _ in range(24))\n' +
        '    return f"https://data.example.com/{dataset}?t={token}"\n',
    },
    {
      file: 'jobs/pseudonymise.py',
      code: 'import random\n\n\ndef make_salt() -> int:\n    return random.getrandbits(64)\n',
    },
  ],
  good: [
    {
      file: 'jobs/share.py',
      code:
        'import secrets\n\n\n' +
        'def share_link(dataset: str) -> str:\n' +
        '    token = secrets.token_urlsafe(24)\n' +
        '    return f"https://data.example.com/{dataset}?t={token}"\n',
    },
    {
      file: 'jobs/sample.py',
      code: 'import random\n\n\ndef sample_rows(rows: list, k: int) -> list:\n    return random.sample(rows, k)\n',
    },
  ],
  bandit: ['B311'],
  references: ['https://docs.python.org/3/library/random.html', 'https://docs.python.org/3/library/secrets.html', 'https://cwe.mitre.org/data/definitions/338.html'],
  onCall(call, ctx) {
    if (!call.name || !RANDOM_CALLS.has(call.name)) return;
    const purpose = secretPurpose(call);
    if (purpose) ctx.report(call.node, { message: `${call.name}() is predictable, yet its result becomes ${purpose}; use the secrets module` });
  },
};

/** The secret-sounding name the call's result flows into nearby, if any. */
function secretPurpose(call: CallSite): string | undefined {
  for (let node: SyntaxNode | null = call.node.parent; node; node = node.parent) {
    const name = purposeName(node);
    if (name !== undefined) return SECRET_PURPOSE.test(name) ? `"${name}"` : undefined;
  }
  return undefined;
}

/** The name a node gives the value inside it, or undefined to keep looking further out. */
function purposeName(node: SyntaxNode): string | undefined {
  switch (node.type) {
    case 'assignment':
    case 'augmented_assignment':
      return node.childForFieldName('left')?.text ?? '';
    case 'keyword_argument':
      return node.childForFieldName('name')?.text ?? '';
    case 'return_statement':
      return enclosingFunctionName(node);
    case 'block':
    case 'module':
    case 'class_definition':
      return '';
    default:
      return undefined;
  }
}

function enclosingFunctionName(node: SyntaxNode): string {
  let scope = node.parent;
  while (scope && scope.type !== 'function_definition') scope = scope.parent;
  return scope?.childForFieldName('name')?.text ?? '';
}
