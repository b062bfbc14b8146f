import { secretRule } from '../secret-rule.js';

export const airflowConnectionUri = secretRule({
  id: 'secret.airflow-connection-uri',
  title: 'Airflow connection (AIRFLOW_CONN_*) URI with a password',
  severity: 'high',
  cwe: ['CWE-798', 'CWE-259'],
  what:
    'Finds AIRFLOW_CONN_<ID> environment variables whose URI carries a password — in .env files, Dockerfile ENV, ' +
    'docker-compose and Kubernetes manifests (name/value pairs too).',
  why:
    'An Airflow connection is the pipeline\'s login to a source or target system; set as an environment variable it ' +
    'also shows up in the worker\'s process list, task logs of `env` and every copy of the manifest.',
  remediation:
    'Change the password on the target system, and move the connection into a secrets backend (AWS Secrets Manager, ' +
    'GCP Secret Manager, Vault) or a Kubernetes Secret referenced with valueFrom.secretKeyRef.',
  anchors: ['airflow_conn_'],
  pattern:
    /AIRFLOW_CONN_[A-Z0-9_]+(?:["']?[ \t]*[:=][ \t]*|["']?[ \t]*\r?\n[ \t]*value:[ \t]*)["']?[a-z][a-z0-9+.-]*:\/\/[^\s:@/"']*:(?<secret>[^\s:@/"']+)@/i,
  bad: [
    { file: 'docker/Dockerfile', code: 'FROM apache/airflow:2.9.3\nENV AIRFLOW_CONN_WAREHOUSE=postgres://etl:Airfl0wConnPw@warehouse:5432/dw\n' },
    { file: 'k8s/scheduler.yaml', code: 'env:\n  - name: AIRFLOW_CONN_S3_LANDING\n    value: "aws://AKIAZ7FAKEKEY4DEMO12:l4ndingS3cretKey@"\n' },
  ],
  good: [
    {
      file: 'k8s/scheduler.yaml',
      code: 'env:\n  - name: AIRFLOW_CONN_WAREHOUSE\n    valueFrom:\n      secretKeyRef: {name: airflow-connections, key: warehouse}\n',
    },
  ],
  references: ['https://airflow.apache.org/docs/apache-airflow/stable/howto/connection.html#storing-connections-in-environment-variables', 'https://airflow.apache.org/docs/apache-airflow/stable/security/secrets/secrets-backend/index.html', 'https://cwe.mitre.org/data/definitions/259.html'],
});
