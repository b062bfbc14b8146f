import { calls } from '../call-site.js';
import type { PythonRule } from '../python-rule.js';

/** Broken or 64-bit-block ciphers in PyCryptodome (Crypto / Cryptodome) and cryptography. */
const WEAK_CIPHERS = [
  ...['Crypto', 'Cryptodome'].flatMap((pkg) => ['DES', 'DES3', 'ARC2', 'ARC4', 'Blowfish', 'CAST', 'XOR'].map((c) => `${pkg}.Cipher.${c}.new`)),
  ...['ARC4', 'TripleDES', 'Blowfish', 'IDEA', 'CAST5', 'SEED'].map((c) => `cryptography.hazmat.primitives.ciphers.algorithms.${c}`),
];
const ECB_MODES = new Set([
  'cryptography.hazmat.primitives.ciphers.modes.ECB',
  ...['Crypto', 'Cryptodome'].flatMap((pkg) => ['AES', 'DES', 'DES3', 'Blowfish', 'ARC2', 'CAST'].map((c) => `${pkg}.Cipher.${c}.MODE_ECB`)),
]);

export const weakCipher: PythonRule = {
  id: 'py.crypto.weak-cipher',
  title: 'Weak cipher or ECB mode',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-327'],
  what:
    'Finds DES, 3DES, RC2, RC4, Blowfish, CAST, IDEA, SEED and XOR ciphers from PyCryptodome and cryptography, and ' +
    'ECB mode (modes.ECB(), AES.new(key, AES.MODE_ECB)).',
  why:
    'Pipelines encrypt exports, tokenise PII columns and seal files for partners. RC4 and DES are broken; 64-bit ' +
    'block ciphers leak plaintext over large volumes (Sweet32); ECB encrypts equal blocks equally, so encrypted ' +
    'columns still reveal which rows share a value — often enough to re-identify people.',
  remediation:
    'Use an authenticated mode of AES: AESGCM or ChaCha20Poly1305 from cryptography, or Fernet for whole files. For ' +
    'column tokenisation use a keyed hash (HMAC-SHA256) or deterministic AEAD (AES-SIV) on purpose, not ECB.',
  bad: [
    {
      file: 'export/seal.py',
      code: 'from Crypto.Cipher import AES\n\n\ndef seal(key: bytes, data: bytes) -> bytes:\n    return AES.new(key, AES.MODE_ECB).encrypt(data)\n',
    },
    {
      file: 'export/legacy.py',
      code: 'from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes\n\ncipher = Cipher(algorithms.TripleDES(key), modes.CBC(iv))\n',
    },
  ],
  good: [
    {
      file: 'export/seal.py',
      code:
        'import os\nfrom cryptography.hazmat.primitives.ciphers.aead import AESGCM\n\n\n' +
        'def seal(key: bytes, data: bytes) -> bytes:\n    nonce = os.urandom(12)\n    return nonce + AESGCM(key).encrypt(nonce, data, None)\n',
    },
  ],
  bandit: ['B304', 'B305'],
  references: ['https://cryptography.io/en/latest/hazmat/primitives/symmetric-encryption/', 'https://cwe.mitre.org/data/definitions/327.html'],
  onCall(call, ctx) {
    if (calls(call, WEAK_CIPHERS) || (call.name !== undefined && ECB_MODES.has(call.name))) {
      ctx.report(call.node, { message: `${call.name} is a weak cipher or mode; use AES-GCM or ChaCha20-Poly1305` });
      return;
    }
    for (const arg of call.positional) {
      const name = arg.type === 'attribute' ? ctx.nameOf(arg) : undefined;
      if (name && ECB_MODES.has(name)) {
        ctx.report(call.node, { message: `${name} encrypts equal blocks to equal ciphertext; use an authenticated mode such as GCM` });
        return;
      }
    }
  },
};
