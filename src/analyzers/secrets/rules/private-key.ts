import { armouredBlock, armouredPayload } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

/** A real key body is hundreds of base-64 characters; "..." or a short stub in docs is not. */
const MIN_PAYLOAD = 40;

export const privateKey = secretRule({
  id: 'secret.private-key',
  title: 'PEM private key',
  severity: 'critical',
  cwe: ['CWE-798', 'CWE-321'],
  specificity: 'structure',
  what: 'Finds PEM private keys — PKCS#8, PKCS#1 RSA, EC and DSA, encrypted or not — raw or JSON-escaped inside notebooks and key files. A passphrase-protected key is medium.',
  why: 'A private key is an identity: TLS server keys, Snowflake key-pair users, SFTP partners and signing keys all trust whoever holds it, with no password in front.',
  remediation: 'Replace the key pair (revoke the certificate or remove the public key where it is trusted), and load private keys from a secret store or mounted secret at run time.',
  anchors: ['private key-----'],
  pattern: armouredBlock('(?:RSA |EC |DSA |ENCRYPTED )?PRIVATE KEY'),
  verify({ secret, groups }) {
    if (armouredPayload(groups.body ?? '').length < MIN_PAYLOAD) return { reject: true };
    return /ENCRYPTED/.test(secret) ? { severity: 'medium', detail: 'encrypted with a passphrase' } : undefined;
  },
  bad: [
    {
      file: 'deploy/sftp_partner.pem',
      code: '-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEAFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKE\nFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKE\n-----END RSA PRIVATE KEY-----\n',
    },
  ],
  good: [{ file: 'deploy/sftp.py', code: 'key = paramiko.RSAKey.from_private_key(io.StringIO(secrets.get("sftp_partner_key")))\n' }],
  references: ['https://datatracker.ietf.org/doc/html/rfc7468', 'https://cwe.mitre.org/data/definitions/321.html'],
});
