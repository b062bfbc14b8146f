import { tlsChecksDisabled } from '../../shell/tls-check-disabled.js';
import { exampleNotebook } from '../example-notebook.js';
import type { NotebookRule } from '../notebook-rule.js';

export const notebookTlsVerifyDisabled: NotebookRule = {
  id: 'nb.tls-verify-disabled',
  title: 'Notebook shell command turns certificate or SSH host key verification off',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-295', 'CWE-319'],
  what:
    'Finds shell escapes, `%pip` and `%%bash` lines that download or install without checking certificates ' +
    '(`!curl -k`, `!wget --no-check-certificate`, `%pip install --trusted-host`, git http.sslVerify=false, ' +
    '`!scp -o StrictHostKeyChecking=no`, `%pip install -i http://…`, …).',
  why:
    'The kernel holds the team’s data and credentials; a download or package fetched over an unchecked connection can be ' +
    'swapped by anyone on the network path, and what it brings runs or is read inside that kernel.',
  remediation: 'Point the tool at the CA that signs the server (`curl --cacert`, `%pip config set global.cert …`) instead of switching checks off.',
  bad: [
    { file: 'explore.ipynb', code: exampleNotebook(['!wget --no-check-certificate https://partner.example.com/sample.csv\n']) },
    { file: 'setup.ipynb', code: exampleNotebook(['%pip install --trusted-host pypi.internal --index-url http://pypi.internal/simple etl-lib==2.1\n']) },
  ],
  good: [{ file: 'explore.ipynb', code: exampleNotebook(['!curl -fsSL --cacert /etc/ssl/partner.pem -o sample.csv https://partner.example.com/sample.csv\n']) }],
  references: ['https://cwe.mitre.org/data/definitions/295.html', 'https://pip.pypa.io/en/stable/topics/https-certificates/'],
  check(ctx) {
    for (const off of tlsChecksDisabled(ctx.script.commands)) ctx.reportInScript(off.start, { message: off.message });
  },
};
