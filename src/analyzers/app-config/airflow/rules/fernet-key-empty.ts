import type { AppRule } from '../../app-rule.js';
import { settingsOf } from '../../setting.js';

export const airflowFernetKeyEmpty: AppRule = {
  id: 'airflow.fernet-key-empty',
  title: 'Airflow stores connection passwords unencrypted',
  category: 'iac',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-311'],
  what: 'Finds `[core] fernet_key` set to nothing, in airflow.cfg or as `AIRFLOW__CORE__FERNET_KEY` (the quick-start docker-compose file ships `AIRFLOW__CORE__FERNET_KEY: \'\'`). A key taken from elsewhere (`_CMD`, `_SECRET`, `${VAR}`) is left alone.',
  why:
    'Without a Fernet key Airflow writes connection passwords and variable values to the metadata database in clear text: ' +
    'a database dump, backup or read replica hands over every credential the pipeline uses.',
  remediation: 'Generate a key (`python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())"`) and supply it from a secret store through `AIRFLOW__CORE__FERNET_KEY_SECRET` or `_CMD`, never in the repository.',
  bad: [{ file: 'docker-compose.yaml', code: "x-airflow-common:\n  environment:\n    AIRFLOW__CORE__EXECUTOR: CeleryExecutor\n    AIRFLOW__CORE__FERNET_KEY: ''\n" }],
  good: [{ file: 'docker-compose.yaml', code: 'x-airflow-common:\n  environment:\n    AIRFLOW__CORE__EXECUTOR: CeleryExecutor\n    AIRFLOW__CORE__FERNET_KEY_CMD: cat /run/secrets/fernet_key\n' }],
  references: ['https://airflow.apache.org/docs/apache-airflow/2.10.5/security/secrets/fernet.html', 'https://cwe.mitre.org/data/definitions/311.html'],
  check(settings, report) {
    for (const s of settingsOf(settings, 'airflow', ['core'], 'fernet_key').filter((s) => s.value !== undefined && s.value.trim() === '')) {
      report(s, `${s.spelling} is empty: connection passwords and variables are stored unencrypted`);
    }
  },
};
