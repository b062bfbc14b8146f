import { argument, type CallSite } from '../call-site.js';
import type { SyntaxNode } from '../parser.js';
import type { PythonRule } from '../python-rule.js';

/** Smallest key sizes still considered safe (NIST SP 800-57 / Bandit B505). */
const MIN_BITS = { RSA: 2048, DSA: 2048 } as const;
/** Elliptic curves below 224 bits. */
const WEAK_CURVES = new Set(['SECP192R1', 'SECT163K1', 'SECT163R2']);

/** Key generators and where their size argument sits. */
const GENERATORS: Record<string, { algorithm: keyof typeof MIN_BITS; index: number; keyword: string }> = {
  'cryptography.hazmat.primitives.asymmetric.rsa.generate_private_key': { algorithm: 'RSA', index: 1, keyword: 'key_size' },
  'cryptography.hazmat.primitives.asymmetric.dsa.generate_private_key': { algorithm: 'DSA', index: 0, keyword: 'key_size' },
  'Crypto.PublicKey.RSA.generate': { algorithm: 'RSA', index: 0, keyword: 'bits' },
  'Crypto.PublicKey.DSA.generate': { algorithm: 'DSA', index: 0, keyword: 'bits' },
  'Cryptodome.PublicKey.RSA.generate': { algorithm: 'RSA', index: 0, keyword: 'bits' },
  'rsa.newkeys': { algorithm: 'RSA', index: 0, keyword: 'nbits' },
};

export const weakKeySize: PythonRule = {
  id: 'py.crypto.weak-key-size',
  title: 'Asymmetric key too short to resist factoring',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-326'],
  what: 'Finds RSA and DSA keys generated with fewer than 2048 bits and EC keys on curves under 224 bits (Bandit B505).',
  why:
    'Keys a pipeline generates sign exports, encrypt extracts for partners or authenticate to SFTP drops. 1024-bit RSA ' +
    'is within reach of well-funded attackers, so whatever the key protects can be forged or read.',
  remediation: 'Use RSA or DSA with at least 2048 bits (3072 for data kept beyond 2030) or EC keys on SECP256R1 or better.',
  bad: [
    {
      file: 'jobs/sign_export.py',
      code: 'from cryptography.hazmat.primitives.asymmetric import rsa\n\nkey = rsa.generate_private_key(public_exponent=65537, key_size=1024)\n',
    },
  ],
  good: [
    {
      file: 'jobs/sign_export.py',
      code: 'from cryptography.hazmat.primitives.asymmetric import rsa\n\nkey = rsa.generate_private_key(public_exponent=65537, key_size=3072)\n',
    },
  ],
  bandit: ['B505'],
  references: ['https://bandit.readthedocs.io/en/latest/plugins/b505_weak_cryptographic_key.html', 'https://cwe.mitre.org/data/definitions/326.html'],
  onCall(call, ctx) {
    const generator = call.name ? GENERATORS[call.name] : undefined;
    if (generator) {
      const size = argument(call, generator.index, generator.keyword);
      const bits = size ? ctx.constantOf(size) : undefined;
      if (typeof bits === 'number' && bits < MIN_BITS[generator.algorithm]) {
        ctx.report(call.node, { message: `${bits}-bit ${generator.algorithm} keys are too short; use at least ${MIN_BITS[generator.algorithm]} bits` });
      }
      return;
    }
    const curve = weakCurve(call);
    if (curve) ctx.report(call.node, { message: `the ${curve} curve gives under 112 bits of security; use SECP256R1 or stronger` });
  },
};

function weakCurve(call: CallSite): string | undefined {
  if (call.name !== 'cryptography.hazmat.primitives.asymmetric.ec.generate_private_key') return undefined;
  const curve: SyntaxNode | undefined = argument(call, 0, 'curve');
  const name = curve?.text.replace(/\(\)$/, '').split('.').pop();
  return name && WEAK_CURVES.has(name) ? name : undefined;
}
