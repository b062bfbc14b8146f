import { secretRule } from '../secret-rule.js';

export const puttyPrivateKey = secretRule({
  id: 'secret.putty-private-key',
  title: 'PuTTY private key file',
  severity: 'critical',
  cwe: ['CWE-798', 'CWE-321'],
  what: 'Finds PuTTY .ppk private keys (PuTTY-User-Key-File-2/3 with a Private-Lines section); a key with Encryption other than none is medium.',
  why: 'A .ppk is an SSH private key: it opens every server and SFTP account whose authorized_keys lists its public half.',
  remediation: 'Remove its public key wherever it is authorised, generate a new pair, and keep private keys out of repositories.',
  anchors: ['putty-user-key-file-'],
  pattern: /PuTTY-User-Key-File-[23]:[^\n]*\n(?<header>(?:[^\n]*\n){1,12}?)Private-Lines:\s*\d+\r?\n(?<secret>[A-Za-z0-9+/=\r\n]{40,})/,
  verify: ({ groups }) => (/Encryption:\s*none/.test(groups.header ?? '') ? undefined : { severity: 'medium', detail: 'encrypted with a passphrase' }),
  bad: [
    {
      file: 'ops/partner.ppk',
      code:
        'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: partner-sftp\nPublic-Lines: 2\nAAAAC3NzaC1lZDI1NTE5AAAAIFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKE\nFAKE\n' +
        'Private-Lines: 1\nAAAAIFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKE\nPrivate-MAC: 0000000000000000000000000000000000000000000000000000000000000000\n',
    },
  ],
  good: [{ file: 'ops/partner.pub', code: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKEFAKE partner-sftp\n' }],
  references: ['https://the.earth.li/~sgtatham/putty/0.78/htmldoc/AppendixC.html', 'https://cwe.mitre.org/data/definitions/321.html'],
});
