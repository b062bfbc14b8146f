import { describe, expect, it } from 'vitest';
import { analyzeAppConfigText } from './scan.js';

const COMPOSE = `x-airflow-common: &airflow-common
  image: apache/airflow:2.10.5
  environment: &airflow-common-env
    AIRFLOW__CORE__EXECUTOR: CeleryExecutor
    AIRFLOW__CORE__FERNET_KEY: ''
    AIRFLOW__CORE__ENABLE_XCOM_PICKLING: 'true'
    AIRFLOW__API__AUTH_BACKENDS: 'airflow.api.auth.backend.basic_auth,airflow.api.auth.backend.default'
    AIRFLOW__WEBSERVER__EXPOSE_CONFIG: non-sensitive-only
services:
  airflow-webserver:
    <<: *airflow-common
    command: webserver
`;

describe('the Airflow configuration analyzer', () => {
  it('reports each risky option of a docker-compose file on its value', () => {
    const { findings, errors } = analyzeAppConfigText(COMPOSE, 'docker-compose.yaml');
    expect(errors).toEqual([]);
    expect(findings.map((f) => [f.ruleId, f.severity, f.location.startLine, f.location.startColumn])).toEqual([
      ['airflow.fernet-key-empty', 'medium', 5, 33],
      ['airflow.xcom-pickling', 'high', 6, 43],
      ['airflow.api-without-auth', 'critical', 7, 35],
    ]);
  });

  it('reads webserver_config.py: an operating role for anonymous visitors is critical, Viewer high, Public nothing', () => {
    const config = (role: string) => `import os\nfrom flask_appbuilder.security.manager import AUTH_OAUTH\nAUTH_TYPE = AUTH_OAUTH\nAUTH_ROLE_PUBLIC = '${role}'\n`;
    const found = (role: string) => analyzeAppConfigText(config(role), 'webserver_config.py').findings.map((f) => [f.ruleId, f.severity, f.location.startLine, f.location.startColumn]);
    expect(found('Op')).toEqual([['airflow.anonymous-access', 'critical', 4, 21]]);
    expect(found('Viewer')).toEqual([['airflow.anonymous-access', 'high', 4, 21]]);
    expect(found('Public')).toEqual([]);
    expect(analyzeAppConfigText(config('Admin'), 'jobs/settings.py').findings).toEqual([]);
    expect(analyzeAppConfigText('[core]\nsimple_auth_manager_all_admins = True\n').findings.map((f) => f.ruleId)).toEqual(['airflow.anonymous-access']);
  });

  it('reads a Kubernetes deployment’s env and airflow.cfg, and nothing from files that set no Airflow option', () => {
    const deployment = 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - name: scheduler\n          env:\n            - name: AIRFLOW__CORE__ALLOWED_DESERIALIZATION_CLASSES\n              value: ".*"\n';
    expect(analyzeAppConfigText(deployment, 'k8s/scheduler.yaml').findings.map((f) => [f.ruleId, f.location.startLine])).toEqual([['airflow.deserialize-any-class', 10]]);
    expect(analyzeAppConfigText('[webserver]\nexpose_config = True\n[api]\nauth_backends = airflow.api.auth.backend.session\n').findings.map((f) => f.ruleId)).toEqual(['airflow.expose-config']);
    expect(analyzeAppConfigText('services:\n  db:\n    image: postgres:16\n', 'docker-compose.yaml').findings).toEqual([]);
  });
});
