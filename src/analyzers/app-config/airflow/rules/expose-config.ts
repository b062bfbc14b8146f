import type { AppRule } from '../../app-rule.js';
import { isTrue, settingsOf } from '../../setting.js';

export const airflowExposeConfig: AppRule = {
  id: 'airflow.expose-config',
  title: 'Airflow shows its whole configuration in the UI',
  category: 'iac',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-200'],
  what: 'Finds `expose_config = True` (`[webserver]`, `[api]` in Airflow 3) in airflow.cfg or as `AIRFLOW__WEBSERVER__EXPOSE_CONFIG` / `AIRFLOW__API__EXPOSE_CONFIG`. `non-sensitive-only` is left alone.',
  why:
    'The configuration page then shows every user who can open it the metadata database connection string, the Fernet key ' +
    'that decrypts stored connections, the webserver secret key that signs sessions, and broker passwords.',
  remediation: 'Set `expose_config = non-sensitive-only` (Airflow 2.7+) or `False`.',
  bad: [{ file: 'docker-compose.yaml', code: 'services:\n  webserver:\n    image: apache/airflow:2.10.5\n    environment:\n      AIRFLOW__WEBSERVER__EXPOSE_CONFIG: "true"\n' }],
  good: [{ file: 'docker-compose.yaml', code: 'services:\n  webserver:\n    image: apache/airflow:2.10.5\n    environment:\n      AIRFLOW__WEBSERVER__EXPOSE_CONFIG: non-sensitive-only\n' }],
  references: ['https://airflow.apache.org/docs/apache-airflow/2.10.5/configurations-ref.html#expose-config', 'https://cwe.mitre.org/data/definitions/200.html'],
  check(settings, report) {
    for (const s of settingsOf(settings, 'airflow', ['webserver', 'api'], 'expose_config').filter((s) => isTrue(s.value))) {
      report(s, `${s.spelling} shows the whole configuration, secrets included, in the UI`);
    }
  },
};
