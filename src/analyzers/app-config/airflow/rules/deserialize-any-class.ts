import type { AppRule } from '../../app-rule.js';
import { settingsOf } from '../../setting.js';

/** A pattern that admits every class: `.*`, `.+`, `*`, `**` among the listed ones. */
const ANY_CLASS = /(?:^|[\s,])(?:\.\*|\.\+|\*{1,2})(?=$|[\s,])/;

export const airflowDeserializeAnyClass: AppRule = {
  id: 'airflow.deserialize-any-class',
  title: 'Airflow deserialises any class from XCom and stored data',
  category: 'iac',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-502'],
  what: 'Finds `[core] allowed_deserialization_classes` or `allowed_deserialization_classes_regexp` set to a pattern that admits every class (`.*`, `*`), in airflow.cfg or as `AIRFLOW__CORE__ALLOWED_DESERIALIZATION_CLASSES…`.',
  why:
    'Airflow rebuilds objects named in serialised XCom values and stored data only for classes on this allow-list; admitting ' +
    'all of them lets whoever writes an XCom have arbitrary classes instantiated in the scheduler, workers and webserver.',
  remediation: 'List only the modules your tasks exchange (the default is `airflow.*`), e.g. `airflow.* my_company.datasets.*`.',
  bad: [{ file: 'airflow.cfg', code: '[core]\nallowed_deserialization_classes = .*\n' }],
  good: [{ file: 'airflow.cfg', code: '[core]\nallowed_deserialization_classes = airflow.* acme.datasets.*\n' }],
  references: ['https://airflow.apache.org/docs/apache-airflow/2.10.5/configurations-ref.html#allowed-deserialization-classes', 'https://cwe.mitre.org/data/definitions/502.html'],
  check(settings, report) {
    for (const s of settingsOf(settings, 'airflow', ['core'], 'allowed_deserialization_classes', 'allowed_deserialization_classes_regexp').filter((s) => ANY_CLASS.test(s.value ?? ''))) {
      report(s, `${s.spelling} admits every class to deserialisation`);
    }
  },
};
