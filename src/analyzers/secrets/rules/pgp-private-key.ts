import { armouredBlock, armouredPayload } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const pgpPrivateKey = secretRule({
  id: 'secret.pgp-private-key',
  title: 'PGP private key block',
  severity: 'critical',
  cwe: ['CWE-798', 'CWE-321'],
  what: 'Finds ASCII-armoured OpenPGP secret keys (-----BEGIN PGP PRIVATE KEY BLOCK-----).',
  why: 'Data exchanges with partners are often PGP-encrypted files on SFTP; the private key decrypts every file ever sent to it and signs as its owner.',
  remediation: 'Revoke the key (publish its revocation certificate), tell partners to encrypt to the new key, and keep the secret key in a secret store or HSM.',
  anchors: ['pgp private key block'],
  pattern: armouredBlock('PGP PRIVATE KEY BLOCK'),
  verify: ({ groups }) => (armouredPayload(groups.body ?? '').length >= 40 ? undefined : { reject: true }),
  bad: [
    {
      file: 'partners/decrypt.asc',
      code: '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQOYBGFAKEFAKEBCADFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKE\nFAKEFAKEFAKEFAKEFAKEFAKEFAKE=\n=FAKE\n-----END PGP PRIVATE KEY BLOCK-----\n',
    },
  ],
  good: [{ file: 'partners/decrypt.sh', code: 'gpg --batch --pinentry-mode loopback --passphrase-fd 0 --decrypt "$1" < /run/secrets/pgp_passphrase\n' }],
  references: ['https://datatracker.ietf.org/doc/html/rfc4880#section-6.2', 'https://cwe.mitre.org/data/definitions/321.html'],
});
