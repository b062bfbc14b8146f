import { environmentSwitchOff, tlsChecksDisabled } from '../../shell/tls-check-disabled.js';
import { BEST_PRACTICES, type DockerRule } from '../docker-rule.js';
import { assignmentsOf } from '../dockerfile/assignments.js';

export const dockerTlsVerifyDisabled: DockerRule = {
  id: 'docker.tls-verify-disabled',
  title: 'Certificate or SSH host key verification turned off in the image build',
  category: 'container',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-295', 'CWE-319'],
  what:
    'Finds RUN commands that download or install without checking certificates (curl -k, wget --no-check-certificate, ' +
    'pip --trusted-host or its config setting, git http.sslVerify=false, npm strict-ssl false, conda ssl_verify false, ' +
    'aws --no-verify-ssl, kubectl/helm --insecure-skip-tls-verify, ssh/scp/sftp/rsync -o StrictHostKeyChecking=no) ' +
    'and ENV settings that switch verification off for every process in the image (NODE_TLS_REJECT_UNAUTHORIZED=0, ' +
    'GIT_SSL_NO_VERIFY=1, PYTHONHTTPSVERIFY=0, PIP_TRUSTED_HOST, npm_config_strict_ssl=false, YARN_ENABLE_STRICT_SSL=false, ' +
    'CONDA_SSL_VERIFY=false, a GIT_SSH_COMMAND without host key checks), and package indexes or registries given as ' +
    'plain-HTTP URLs (pip -i/--index-url, npm --registry, their config and PIP_INDEX_URL/NPM_CONFIG_REGISTRY forms).',
  why:
    'Without certificate checks anyone on the network path — a proxy, a compromised Wi-Fi or CI runner network, a DNS ' +
    'hijack — can answer in the server’s place: the packages and scripts the image installs are theirs, and an ENV ' +
    'switch leaves every connection the pipeline makes later (to warehouses, buckets, APIs) open to interception too.',
  remediation:
    'Fix the trust store instead: install the corporate CA into the image (`COPY ca.crt /usr/local/share/ca-certificates/` ' +
    'and `update-ca-certificates`), or point the tool at it (`curl --cacert`, `PIP_CERT`, `NODE_EXTRA_CA_CERTS`).',
  bad: [
    { file: 'Dockerfile', code: 'FROM python:3.12-slim\nRUN curl -fsSLk https://tools.example.com/etl.tar.gz | tar xz -C /opt\n' },
    { file: 'Dockerfile', code: 'FROM python:3.12-slim\nRUN pip install --trusted-host pypi.internal -i http://pypi.internal/simple etl-lib==2.1\n' },
    { file: 'Dockerfile', code: 'FROM node:20-slim\nENV NODE_TLS_REJECT_UNAUTHORIZED=0\n' },
  ],
  good: [
    {
      file: 'Dockerfile',
      code:
        'FROM python:3.12-slim\nCOPY corp-ca.crt /usr/local/share/ca-certificates/\nRUN update-ca-certificates \\\n' +
        ' && curl -fsSL --cacert /etc/ssl/certs/ca-certificates.crt https://tools.example.com/etl.tar.gz | tar xz -C /opt\n' +
        'ENV NODE_EXTRA_CA_CERTS=/usr/local/share/ca-certificates/corp-ca.crt\n',
    },
  ],
  references: [BEST_PRACTICES, 'https://cwe.mitre.org/data/definitions/295.html'],
  check(ctx) {
    for (const script of ctx.scripts) {
      for (const off of tlsChecksDisabled(script.commands)) ctx.report(script.text, off.start, off.end, { message: off.message });
    }
    for (const instruction of ctx.file.instructions) {
      if (instruction.keyword !== 'ENV') continue;
      for (const a of assignmentsOf(instruction)) {
        const message = a.value === undefined ? undefined : environmentSwitchOff(a.name, a.value);
        if (message) ctx.report(instruction.body, a.start, a.end, { message: `ENV ${message} for every process in the image` });
      }
    }
  },
};
