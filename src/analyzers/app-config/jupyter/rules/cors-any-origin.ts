import type { AppRule } from '../../app-rule.js';
import { settingsOf } from '../../setting.js';

export const jupyterCorsAnyOrigin: AppRule = {
  id: 'jupyter.cors-any-origin',
  title: 'Jupyter server accepts requests from any web origin',
  category: 'iac',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-942'],
  what: 'Finds `allow_origin = \'*\'` or an `allow_origin_pat` of `.*` for a Jupyter server (NotebookApp, ServerApp), as a command-line option or in jupyter_*_config.py.',
  why:
    'Any web page a user opens can then call the server’s API from their browser with their session: open terminals, ' +
    'start kernels and run code, read the notebooks and the data beside them.',
  remediation: 'Leave allow_origin unset (same origin only) or list the exact origins of the front ends that need the API.',
  bad: [{ file: 'jupyter_server_config.py', code: "c = get_config()  # noqa\nc.ServerApp.allow_origin = '*'\n" }],
  good: [{ file: 'jupyter_server_config.py', code: "c = get_config()  # noqa\nc.ServerApp.allow_origin = 'https://notebooks.example.com'\n" }],
  references: ['https://jupyter-server.readthedocs.io/en/latest/other/full-config.html', 'https://cwe.mitre.org/data/definitions/942.html'],
  check(settings, report) {
    const any = [
      ...settingsOf(settings, 'jupyter', ['NotebookApp', 'ServerApp'], 'allow_origin').filter((s) => s.value?.trim() === '*'),
      ...settingsOf(settings, 'jupyter', ['NotebookApp', 'ServerApp'], 'allow_origin_pat').filter((s) => /^(\.\*|\.\+|\^?\.\*\$?)$/.test(s.value?.trim() ?? '')),
    ];
    for (const s of any) report(s, `${s.spelling} lets any web page call the server's API from a user's browser`);
  },
};
