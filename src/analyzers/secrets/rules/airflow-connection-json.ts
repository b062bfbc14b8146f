import { secretRule } from '../secret-rule.js';

export const airflowConnectionJson = secretRule({
  id: 'secret.airflow-connection-json',
  title: 'Airflow connection JSON with a password',
  severity: 'high',
  cwe: ['CWE-798', 'CWE-259'],
  specificity: 'structure',
  what:
    'Finds Airflow connections in JSON form with a literal "password": the AIRFLOW_CONN_<ID> JSON format, and ' +
    'exports of `airflow connections export` (objects with "conn_type").',
  why: 'A connections export holds every system the pipeline logs into; committed, it hands all of them over at once.',
  remediation: 'Change the passwords on the target systems, delete the export, and keep connections in a secrets backend.',
  anchors: ['conn_type'],
  pattern: /\\?["']password\\?["']\s*:\s*\\?["'](?<secret>[^"'\\\s]+)\\?["']/,
  verify: ({ text, index }) => (text.slice(Math.max(0, index - 600), index + 600).includes('conn_type') ? undefined : { reject: true }),
  bad: [
    { file: 'airflow/connections.json', code: '{\n  "warehouse": {\n    "conn_type": "postgres",\n    "host": "warehouse",\n    "login": "etl",\n    "password": "C0nnJs0nPassw0rd",\n    "port": 5432\n  }\n}\n' },
    { file: '.env', code: 'AIRFLOW_CONN_API=\'{"conn_type": "http", "host": "api.example.com", "password": "Ap1C0nnPass"}\'\n' },
  ],
  good: [{ file: 'airflow/connections.json', code: '{\n  "warehouse": {"conn_type": "postgres", "host": "warehouse", "login": "etl", "port": 5432}\n}\n' }],
  references: ['https://airflow.apache.org/docs/apache-airflow/stable/howto/connection.html#json-format-example', 'https://cwe.mitre.org/data/definitions/259.html'],
});
