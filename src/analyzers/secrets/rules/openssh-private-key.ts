import { armouredBlock, armouredPayload } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

/** Base 64 of "openssh-key-v1", the magic every OpenSSH private key starts with. */
const MAGIC = 'b3BlbnNzaC1rZXktdjE';

export const opensshPrivateKey = secretRule({
  id: 'secret.openssh-private-key',
  title: 'OpenSSH private key',
  severity: 'critical',
  cwe: ['CWE-798', 'CWE-321'],
  what: 'Finds OpenSSH-format private keys (-----BEGIN OPENSSH PRIVATE KEY-----) whose body starts with the openssh-key-v1 magic.',
  why: 'SSH keys open bastion hosts, Git remotes with deploy rights and SFTP drops of partners; unlike passwords they are rarely rotated.',
  remediation: 'Remove the public key from every authorized_keys, deploy-key list and partner it was given to, generate a new pair, and keep the private key in an agent or secret store.',
  anchors: ['openssh private key'],
  pattern: armouredBlock('OPENSSH PRIVATE KEY'),
  verify: ({ groups }) => (armouredPayload(groups.body ?? '').startsWith(MAGIC) ? undefined : { reject: true }),
  bad: [
    {
      file: 'ci/deploy_key',
      code: '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACBGQUtFRkFLRUZBS0VGQUtFRkFLRUZBS0VGQUtFRkFLRQAAAJhGQUtF\n-----END OPENSSH PRIVATE KEY-----\n',
    },
  ],
  good: [{ file: 'ci/deploy.yml', code: '- uses: webfactory/ssh-agent@v0.9.0\n  with:\n    ssh-private-key: ${{ secrets.DEPLOY_KEY }}\n' }],
  references: ['https://github.com/openssh/openssh-portable/blob/master/PROTOCOL.key', 'https://cwe.mitre.org/data/definitions/321.html'],
});
