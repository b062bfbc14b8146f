import { describe, expect, it } from 'vitest';
import { commandsOf } from '../../../src/analyzers/container/dockerfile/shell.js';
import { tlsChecksDisabled } from '../../../src/analyzers/shell/tls-check-disabled.js';

const offs = (script: string) => tlsChecksDisabled(commandsOf(script)).map((o) => [script.slice(o.start, o.end), o.message]);

describe('tlsChecksDisabled', () => {
  it.each([
    ['curl -k https://x', '-k'],
    ['curl -fsSLk https://x | tar xz', '-fsSLk'],
    ['sudo curl --insecure -o a https://x', '--insecure'],
    ['wget -q --no-check-certificate https://x', '--no-check-certificate'],
    ['pip3 install --trusted-host pypi.internal etl==1', '--trusted-host'],
    ['python3 -m pip install --trusted-host=pypi.internal etl==1', '--trusted-host=pypi.internal'],
    ['git -c http.sslVerify=false clone https://git.internal/etl.git', 'http.sslVerify=false'],
    ['git config --global http.sslverify false', 'http.sslverify'],
    ['npm config set strict-ssl false', 'strict-ssl'],
    ['yarn config set strict-ssl false', 'strict-ssl'],
    ['npm install --strict-ssl=false', '--strict-ssl=false'],
    ['aws s3 cp s3://a/b . --no-verify-ssl', '--no-verify-ssl'],
    ['kubectl --insecure-skip-tls-verify apply -f job.yaml', '--insecure-skip-tls-verify'],
    ['export NODE_TLS_REJECT_UNAUTHORIZED=0', 'NODE_TLS_REJECT_UNAUTHORIZED=0'],
    ['GIT_SSL_NO_VERIFY=true git pull', 'GIT_SSL_NO_VERIFY=true'],
    ['env PYTHONHTTPSVERIFY=0 python job.py', 'PYTHONHTTPSVERIFY=0'],
    ['pip config --global set global.trusted-host pypi.internal', 'global.trusted-host'],
    ['python3 -m pip config set install.trusted_host pypi.internal', 'install.trusted_host'],
    ['conda config --set ssl_verify false', 'ssl_verify'],
    ['export PIP_TRUSTED_HOST=pypi.internal', 'PIP_TRUSTED_HOST=pypi.internal'],
    ['npm_config_strict_ssl=false npm ci', 'npm_config_strict_ssl=false'],
    ['export NPM_CONFIG_STRICT_SSL=false', 'NPM_CONFIG_STRICT_SSL=false'],
    ['YARN_ENABLE_STRICT_SSL=false yarn install', 'YARN_ENABLE_STRICT_SSL=false'],
    ['export CONDA_SSL_VERIFY=false', 'CONDA_SSL_VERIFY=false'],
    ['sftp -o StrictHostKeyChecking=no -b batch vendor@sftp.example.com', 'StrictHostKeyChecking=no'],
    ['scp -oStrictHostKeyChecking=no export.csv etl@host:/in/', '-oStrictHostKeyChecking=no'],
    ['rsync -az -e "ssh -o StrictHostKeyChecking=no" out/ etl@host:/in/', '"ssh -o StrictHostKeyChecking=no"'],
    ['export GIT_SSH_COMMAND="ssh -o StrictHostKeyChecking=no"', 'GIT_SSH_COMMAND="ssh -o StrictHostKeyChecking=no"'],
    ['pip install -i http://pypi.internal/simple etl==1', 'http://pypi.internal/simple'],
    ['python3 -m pip install --extra-index-url=http://pypi.internal/simple etl==1', '--extra-index-url=http://pypi.internal/simple'],
    ['pip3 download -ihttp://pypi.internal/simple etl==1', '-ihttp://pypi.internal/simple'],
    ['pip config set global.index-url http://pypi.internal/simple', 'http://pypi.internal/simple'],
    ['npm ci --registry http://npm.internal/', 'http://npm.internal/'],
    ['npm config set @acme:registry http://npm.internal/', 'http://npm.internal/'],
    ['export PIP_INDEX_URL=http://pypi.internal/simple', 'PIP_INDEX_URL=http://pypi.internal/simple'],
    ['NPM_CONFIG_REGISTRY=http://npm.internal/ npm ci', 'NPM_CONFIG_REGISTRY=http://npm.internal/'],
  ])('%s turns checks off at %s', (script, at) => {
    expect(offs(script).map(([text]) => text)).toEqual([at]);
  });

  it.each([
    'curl -fsSL -o k https://x',
    'curl -H "k" https://x',
    'kubectl apply -k overlays/prod',
    'wget https://x',
    'pip install --index-url https://pypi.internal/simple etl==1',
    'git config http.sslVerify true',
    'npm config set strict-ssl true',
    'export NODE_TLS_REJECT_UNAUTHORIZED=1',
    'pip config set global.index-url https://pypi.internal/simple',
    'pip config get global.trusted-host',
    'conda config --set ssl_verify /etc/ssl/internal-ca.pem',
    'export PIP_TRUSTED_HOST=',
    'ssh -o StrictHostKeyChecking=yes -o UserKnownHostsFile=/etc/ssh/known_hosts etl@host',
    'sftp -o StrictHostKeyChecking=accept-new vendor@sftp.example.com',
    'echo StrictHostKeyChecking=no',
    'pip install -i http://localhost:3141/root/pypi/+simple/ etl==1',
    'pip install --index-url https://pypi.internal/simple -r requirements.txt',
    'npm ci --registry https://npm.internal/',
    'export PIP_INDEX_URL=http://127.0.0.1:8080/simple',
    'curl -o /tmp/x http://example.com/x',
    'echo curl -k is bad',
    'grep -- --insecure README.md',
  ])('%s leaves checks on', (script) => {
    expect(offs(script)).toEqual([]);
  });

  it('says which check an environment setting turns off', () => {
    expect(offs('export GIT_SSH_COMMAND="ssh -o StrictHostKeyChecking=no"').map(([, m]) => m)).toEqual(['GIT_SSH_COMMAND=ssh -o StrictHostKeyChecking=no turns off SSH host key checking']);
    expect(offs('scp -o StrictHostKeyChecking=no a h:b').map(([, m]) => m)).toEqual(['scp StrictHostKeyChecking=no accepts any SSH host key, so a spoofed server is trusted']);
  });

  it('says a plain-HTTP package source is fetched without any server check', () => {
    expect(offs('pip install -i http://pypi.internal/simple etl==1').map(([, m]) => m)).toEqual(['pip fetches packages over plain HTTP: anyone on the network path can swap them']);
    expect(offs('export PIP_INDEX_URL=http://pypi.internal/simple').map(([, m]) => m)).toEqual([
      'PIP_INDEX_URL=http://pypi.internal/simple has packages fetched over plain HTTP: anyone on the network path can swap them',
    ]);
  });

  it('names the tool in its message', () => {
    expect(offs('curl -k https://x')).toEqual([['-k', 'curl -k turns off certificate verification']]);
  });
});
