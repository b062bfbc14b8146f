import type { AppRule } from '../../app-rule.js';
import { listensEverywhere, settingsOf } from '../../setting.js';

const SERVER = ['NotebookApp', 'ServerApp'];

export const jupyterNoAuth: AppRule = {
  id: 'jupyter.no-auth',
  title: 'Jupyter server started without a token or password',
  category: 'iac',
  severity: 'critical',
  confidence: 'high',
  cwe: ['CWE-306'],
  what:
    'Finds a Jupyter server whose token is set empty (`--NotebookApp.token=\'\'`, `--ServerApp.token=`, ' +
    '`--IdentityProvider.token=\'\'`, or `c.ServerApp.token = \'\'` in jupyter_*_config.py) with no password set in the same ' +
    'file — in Dockerfile CMDs, shell scripts, compose and Kubernetes commands. Critical when the server listens on all ' +
    'interfaces (`--ip=0.0.0.0`), high otherwise.',
  why:
    'A notebook server runs whatever code it is sent. Without a token anyone who reaches the port — another pod, a ' +
    'scanner on an exposed node port, a web page in a user’s browser — executes code with the kernel’s data and ' +
    'credentials: the warehouse, the buckets, the model registry.',
  remediation:
    'Keep the generated token (or pass one from a secret: `--IdentityProvider.token="$JUPYTER_TOKEN"`), or set a hashed ' +
    'password (`c.PasswordIdentityProvider.hashed_password`), and put the server behind an authenticating proxy such as JupyterHub.',
  bad: [{ file: 'Dockerfile', code: 'FROM jupyter/scipy-notebook:2024-05-27\nCMD ["jupyter", "lab", "--ip=0.0.0.0", "--ServerApp.token=", "--no-browser"]\n' }],
  good: [{ file: 'Dockerfile', code: 'FROM jupyter/scipy-notebook:2024-05-27\nCMD ["jupyter", "lab", "--ip=0.0.0.0", "--no-browser"]\n' }],
  references: ['https://jupyter-server.readthedocs.io/en/latest/operators/security.html', 'https://cwe.mitre.org/data/definitions/306.html'],
  check(settings, report) {
    const passwords = settingsOf(settings, 'jupyter', [...SERVER, 'PasswordIdentityProvider'], 'password', 'hashed_password').filter((s) => s.value !== '');
    if (passwords.length > 0) return;
    const open = settingsOf(settings, 'jupyter', SERVER, 'ip').some((s) => listensEverywhere(s.value));
    for (const s of settingsOf(settings, 'jupyter', [...SERVER, 'IdentityProvider'], 'token').filter((s) => s.value === '')) {
      report(s, `${s.spelling} is empty and no password is set: anyone who reaches the server${open ? ' (listening on all interfaces)' : ''} runs code in it`, open ? {} : { severity: 'high' });
    }
  },
};
