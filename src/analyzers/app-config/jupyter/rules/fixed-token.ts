import type { AppRule } from '../../app-rule.js';
import { listensEverywhere, settingsOf } from '../../setting.js';

const SERVER = ['NotebookApp', 'ServerApp'];
/** Shorter than this, a token is within reach of guessing; Jupyter generates 48 hex characters. */
const GUESSABLE_BELOW = 24;

export const jupyterFixedToken: AppRule = {
  id: 'jupyter.fixed-token',
  title: 'Jupyter server token written into the file',
  category: 'iac',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-798', 'CWE-521'],
  what:
    'Finds a Jupyter server token given as a literal (`--NotebookApp.token=\'1234\'`, `--IdentityProvider.token=…`, ' +
    '`c.ServerApp.token = \'…\'`) in a Dockerfile, script, compose file, manifest or Jupyter config, rather than generated ' +
    'or read from the environment. High when the server listens on all interfaces and the token is shorter than 24 characters.',
  why:
    'The token is the only thing between the network and code execution in the kernel. One written into a file is known to ' +
    'whoever can read the repository or pull the image, is the same in every container started from it, and is never ' +
    'rotated; a short one is guessed in minutes.',
  remediation:
    'Let Jupyter generate a token, pass one at run time (`--IdentityProvider.token="$JUPYTER_TOKEN"` from a secret), or ' +
    'put the server behind JupyterHub or an authenticating proxy.',
  bad: [{ file: 'Dockerfile', code: 'FROM quay.io/jupyter/pyspark-notebook:2024-10-07\nCMD ["jupyter", "notebook", "--ip=0.0.0.0", "--NotebookApp.token=\'1234\'"]\n' }],
  good: [
    { file: 'Dockerfile', code: 'FROM quay.io/jupyter/pyspark-notebook:2024-10-07\nCMD ["jupyter", "lab", "--ip=0.0.0.0"]\n' },
    { file: 'start.sh', code: '#!/bin/sh\nexec jupyter lab --ip=0.0.0.0 --IdentityProvider.token="$JUPYTER_TOKEN"\n' },
  ],
  references: ['https://jupyter-server.readthedocs.io/en/latest/operators/security.html', 'https://cwe.mitre.org/data/definitions/798.html'],
  check(settings, report) {
    const open = settingsOf(settings, 'jupyter', SERVER, 'ip').some((s) => listensEverywhere(s.value));
    for (const s of settingsOf(settings, 'jupyter', [...SERVER, 'IdentityProvider'], 'token')) {
      if (s.value === undefined || s.value === '') continue;
      const guessable = s.value.length < GUESSABLE_BELOW;
      report(
        s,
        `${s.spelling} is fixed in the file (${s.value.length} characters): whoever reads it or pulls the image can run code in the server${guessable ? ', and a token this short is guessed' : ''}${open ? ' (listening on all interfaces)' : ''}`,
        open && guessable ? { severity: 'high' } : {},
      );
    }
  },
};
