import { assigned } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const airflowFernetKey = secretRule({
  id: 'secret.airflow-fernet-key',
  title: 'Airflow Fernet key',
  severity: 'critical',
  cwe: ['CWE-798', 'CWE-321'],
  what: 'Finds Airflow Fernet keys (44-character URL-safe base-64) set through AIRFLOW__CORE__FERNET_KEY or fernet_key in airflow.cfg.',
  why: 'The Fernet key decrypts every connection password and variable in the Airflow metadata database: whoever has a database dump and the key has all of them.',
  remediation: 'Generate a new key, rotate it in (comma-separated new,old then `airflow rotate-fernet-key`), and supply it from a secret (AIRFLOW__CORE__FERNET_KEY_SECRET or _CMD).',
  anchors: ['fernet_key'],
  pattern: assigned(String.raw`fernet_key`, '[A-Za-z0-9_-]{43}=', 'i'),
  bad: [{ file: 'docker-compose.yaml', code: 'environment:\n  AIRFLOW__CORE__FERNET_KEY: "ExBkNVqaJMnu5z7zbikTdrCdBjbjPG3RhO7olY-wrVT="\n' }],
  good: [{ file: 'docker-compose.yaml', code: 'environment:\n  AIRFLOW__CORE__FERNET_KEY_CMD: "cat /run/secrets/fernet_key"\n' }],
  references: ['https://airflow.apache.org/docs/apache-airflow/stable/security/secrets/fernet.html', 'https://cwe.mitre.org/data/definitions/321.html'],
});
