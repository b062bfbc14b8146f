import { token } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const ageSecretKey = secretRule({
  id: 'secret.age-secret-key',
  title: 'age (SOPS) secret key',
  severity: 'critical',
  cwe: ['CWE-798', 'CWE-321'],
  what: 'Finds age X25519 identities (AGE-SECRET-KEY-1 and 58 Bech32 characters), the keys SOPS uses to decrypt encrypted config.',
  why: 'The identity decrypts every SOPS/age-encrypted file made for it — usually the repository\'s whole encrypted secrets directory, which then is as good as plain text.',
  remediation: 'Generate a new identity, re-encrypt the files to it (sops updatekeys), rotate the secrets they hold, and keep identities outside the repository.',
  anchors: ['age-secret-key-1'],
  pattern: token('AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}'),
  bad: [{ file: '.sops/keys.txt', code: '# public key: age1fakefakefake\nAGE-SECRET-KEY-1SCL20KMEY5CECCVA55A3MRDZ37KU4FS2EJJ4G6V4W53PLGLWPA8PDLVESX\n' }],
  good: [{ file: '.sops.yaml', code: 'creation_rules:\n  - age: age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p\n' }],
  references: ['https://age-encryption.org/v1', 'https://github.com/getsops/sops#encrypting-using-age', 'https://cwe.mitre.org/data/definitions/321.html'],
});
