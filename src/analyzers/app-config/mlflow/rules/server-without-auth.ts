import type { AppRule } from '../../app-rule.js';
import { listensEverywhere } from '../../setting.js';

export const mlflowServerWithoutAuth: AppRule = {
  id: 'mlflow.server-without-auth',
  title: 'MLflow tracking server open to the network without authentication',
  category: 'iac',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-306'],
  what:
    'Finds `mlflow server` or `mlflow ui` started with `--host 0.0.0.0` (or `::`) and without an auth app (`--app-name basic-auth`), on ' +
    'command lines in Dockerfiles, shell scripts, compose and Kubernetes files.',
  why:
    'The tracking server holds the model registry and, with `--serve-artifacts`, the model files. Whoever reaches it can ' +
    'read experiment data and replace a registered model with their own — a pickle that runs their code wherever the ' +
    'pipeline loads the model for scoring.',
  remediation: 'Run the server with `--app-name basic-auth` (MLflow 2.5+) or behind an authenticating proxy, and keep it on 127.0.0.1 otherwise.',
  bad: [{ file: 'Dockerfile', code: 'FROM ghcr.io/mlflow/mlflow:v2.14.1\nCMD ["mlflow", "server", "--host", "0.0.0.0", "--port", "5000", "--serve-artifacts"]\n' }],
  good: [{ file: 'Dockerfile', code: 'FROM ghcr.io/mlflow/mlflow:v2.14.1\nCMD ["mlflow", "server", "--host", "0.0.0.0", "--port", "5000", "--app-name", "basic-auth"]\n' }],
  references: ['https://mlflow.org/docs/latest/auth/index.html', 'https://cwe.mitre.org/data/definitions/306.html'],
  check(settings, report) {
    const servers = settings.filter((s) => s.app === 'mlflow');
    for (const host of servers.filter((s) => s.option === 'host' && listensEverywhere(s.value))) {
      // basic-auth, or an auth plugin of the team's own.
      if (servers.some((s) => s.section === host.section && s.option === 'app-name')) continue;
      report(host, `${host.spelling} listens on ${host.value} without --app-name basic-auth: whoever reaches it reads runs and replaces registered models`);
    }
  },
};
