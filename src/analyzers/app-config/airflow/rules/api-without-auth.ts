import type { AppRule } from '../../app-rule.js';
import { settingsOf } from '../../setting.js';

/** The backend that lets every request through. */
const ALLOW_ALL = /\bairflow\.api\.auth\.backend\.default\b/;

export const airflowApiWithoutAuth: AppRule = {
  id: 'airflow.api-without-auth',
  title: 'Airflow REST API accepts requests without authentication',
  category: 'iac',
  severity: 'critical',
  confidence: 'high',
  cwe: ['CWE-306'],
  what: 'Finds `[api] auth_backends` (or the older `auth_backend`) naming `airflow.api.auth.backend.default`, in airflow.cfg or as `AIRFLOW__API__AUTH_BACKENDS` / `AIRFLOW__API__AUTH_BACKEND`.',
  why:
    'That backend authenticates nobody: anyone who reaches the webserver can trigger DAG runs with their own `conf`, read ' +
    'and change variables and connections (credentials included), and clear or mark tasks — the whole pipeline, remotely.',
  remediation: 'Use `airflow.api.auth.backend.session` together with `airflow.api.auth.backend.basic_auth`, or your identity provider’s backend.',
  bad: [{ file: '.env', code: 'AIRFLOW_UID=50000\nAIRFLOW__API__AUTH_BACKENDS=airflow.api.auth.backend.default\n' }],
  good: [{ file: '.env', code: 'AIRFLOW_UID=50000\nAIRFLOW__API__AUTH_BACKENDS=airflow.api.auth.backend.basic_auth,airflow.api.auth.backend.session\n' }],
  references: ['https://airflow.apache.org/docs/apache-airflow/2.10.5/security/api.html', 'https://cwe.mitre.org/data/definitions/306.html'],
  check(settings, report) {
    for (const s of settingsOf(settings, 'airflow', ['api'], 'auth_backends', 'auth_backend').filter((s) => ALLOW_ALL.test(s.value ?? ''))) {
      report(s, `${s.spelling} lets the REST API take requests from anyone: DAG runs, variables and connections are open`);
    }
  },
};
