import type { AppRule } from '../../app-rule.js';
import { isTrue, settingsOf } from '../../setting.js';

export const jupyterXsrfCheckDisabled: AppRule = {
  id: 'jupyter.xsrf-check-disabled',
  title: 'Jupyter server without cross-site request forgery checks',
  category: 'iac',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-352'],
  what: 'Finds `disable_check_xsrf = True` for a Jupyter server (NotebookApp, ServerApp), as a command-line option or in jupyter_*_config.py.',
  why: 'A page on another site can then make a logged-in user’s browser send requests to the server — start a kernel, run code, overwrite a notebook — without the user noticing.',
  remediation: 'Leave the XSRF check on; API clients authenticate with a token in the Authorization header, which the check does not affect.',
  bad: [{ file: 'start.sh', code: '#!/bin/sh\nexec jupyter lab --ip=127.0.0.1 --ServerApp.disable_check_xsrf=True\n' }],
  good: [{ file: 'start.sh', code: '#!/bin/sh\nexec jupyter lab --ip=127.0.0.1\n' }],
  references: ['https://jupyter-server.readthedocs.io/en/latest/operators/security.html', 'https://cwe.mitre.org/data/definitions/352.html'],
  check(settings, report) {
    for (const s of settingsOf(settings, 'jupyter', ['NotebookApp', 'ServerApp'], 'disable_check_xsrf').filter((s) => isTrue(s.value))) {
      report(s, `${s.spelling} turns off the server's cross-site request forgery check`);
    }
  },
};
