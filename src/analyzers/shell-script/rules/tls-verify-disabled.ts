import { tlsChecksDisabled } from '../../shell/tls-check-disabled.js';
import type { ShellRule } from '../shell-rule.js';

export const shellTlsVerifyDisabled: ShellRule = {
  id: 'sh.tls-verify-disabled',
  title: 'Shell script turns certificate or SSH host key verification off',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-295', 'CWE-319'],
  what:
    'Finds commands that download, install or call APIs without checking certificates (curl -k, wget ' +
    '--no-check-certificate, pip --trusted-host or its config setting, git http.sslVerify=false, npm/yarn strict-ssl ' +
    'false, conda ssl_verify false, aws --no-verify-ssl, kubectl/helm --insecure-skip-tls-verify, ssh/scp/sftp/rsync -o ' +
    'StrictHostKeyChecking=no) and exported switches ' +
    'such as NODE_TLS_REJECT_UNAUTHORIZED=0, GIT_SSL_NO_VERIFY=1, PYTHONHTTPSVERIFY=0, PIP_TRUSTED_HOST and ' +
    'npm_config_strict_ssl=false; also package indexes and registries given as plain-HTTP URLs (pip -i, npm ' +
    '--registry, PIP_INDEX_URL, …).',
  why:
    'Anyone on the network path can then answer in the server’s place: the data a job downloads, the packages it ' +
    'installs and the credentials it sends to an API go to, or come from, whoever intercepts the connection.',
  remediation: 'Give the tool the CA that signs the server’s certificate (`curl --cacert`, `PIP_CERT`, `NODE_EXTRA_CA_CERTS`, `AWS_CA_BUNDLE`) instead of switching checks off.',
  bad: [
    { file: 'jobs/pull_export.sh', code: '#!/bin/bash\nset -e\ncurl -sSk -o /data/export.csv "https://partner.example.com/export?day=$1"\n' },
    { file: 'jobs/sync.sh', code: '#!/bin/sh\nexport NODE_TLS_REJECT_UNAUTHORIZED=0\nnode sync.js\n' },
  ],
  good: [
    {
      file: 'jobs/pull_export.sh',
      code: '#!/bin/bash\nset -e\ncurl -sS --cacert /etc/pki/partner-ca.pem -o /data/export.csv "https://partner.example.com/export?day=$1"\nkubectl get pods -k ./overlays/prod\n',
    },
  ],
  references: ['https://cwe.mitre.org/data/definitions/295.html', 'https://curl.se/docs/sslcerts.html'],
  check(ctx) {
    for (const off of tlsChecksDisabled(ctx.commands)) ctx.report(off.start, off.end, { message: off.message });
  },
};
