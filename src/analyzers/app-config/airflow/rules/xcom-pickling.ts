import type { AppRule } from '../../app-rule.js';
import { isTrue, settingsOf } from '../../setting.js';

export const airflowXcomPickling: AppRule = {
  id: 'airflow.xcom-pickling',
  title: 'Airflow unpickles XCom values',
  category: 'iac',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-502'],
  what: 'Finds `[core] enable_xcom_pickling = True` in airflow.cfg, or `AIRFLOW__CORE__ENABLE_XCOM_PICKLING` set true in an environment (.env, docker-compose, Kubernetes, Dockerfile, shell).',
  why:
    'With pickling on, every XCom value is stored as a pickle and unpickled by whichever worker or webserver reads it. ' +
    'Anyone who can write an XCom — a task running ingested data through `xcom_push`, a user of the REST API, anyone with ' +
    'access to the metadata database — can run code on the workers with every connection’s credentials.',
  remediation: 'Leave pickling off (the default since Airflow 2.0) and pass JSON-serialisable values, or paths to data in object storage, through XCom.',
  bad: [{ file: 'airflow.cfg', code: '[core]\ndags_folder = /opt/airflow/dags\nenable_xcom_pickling = True\n' }],
  good: [{ file: 'airflow.cfg', code: '[core]\ndags_folder = /opt/airflow/dags\nenable_xcom_pickling = False\n' }],
  references: ['https://airflow.apache.org/docs/apache-airflow/2.10.5/configurations-ref.html#enable-xcom-pickling', 'https://cwe.mitre.org/data/definitions/502.html'],
  check(settings, report) {
    for (const s of settingsOf(settings, 'airflow', ['core'], 'enable_xcom_pickling').filter((s) => isTrue(s.value))) {
      report(s, `${s.spelling} turns XCom pickling on: whoever can write an XCom can run code on the workers`);
    }
  },
};
