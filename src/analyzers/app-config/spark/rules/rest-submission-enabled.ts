import type { AppRule } from '../../app-rule.js';
import { isTrue, settingsOf } from '../../setting.js';

export const sparkRestSubmissionEnabled: AppRule = {
  id: 'spark.rest-submission-enabled',
  title: 'Spark standalone master accepts jobs over its REST API',
  category: 'iac',
  severity: 'critical',
  confidence: 'high',
  cwe: ['CWE-306'],
  what:
    'Finds `spark.master.rest.enabled` set true — in spark-defaults.conf, `--conf`, `-D…` in SPARK_MASTER_OPTS or ' +
    'SPARK_DAEMON_JAVA_OPTS, `SparkConf().set(…)` / `builder.config(…)`, or YAML values.',
  why:
    'The standalone master’s REST submission server (port 6066) checks no credentials: whoever reaches it submits an ' +
    'application, that is, runs code on the cluster with its storage credentials. Exposed masters are scanned for and ' +
    'used to mine and to pivot (CVE-2018-11770).',
  remediation: 'Leave the REST server off (the default since Spark 2.4) and submit through spark-submit with authentication (`spark.authenticate`) or a managed scheduler.',
  bad: [{ file: 'spark-defaults.conf', code: 'spark.master                 spark://spark-master:7077\nspark.master.rest.enabled    true\n' }],
  good: [{ file: 'spark-defaults.conf', code: 'spark.master                 spark://spark-master:7077\nspark.master.rest.enabled    false\n' }],
  references: ['https://spark.apache.org/docs/latest/security.html', 'https://cwe.mitre.org/data/definitions/306.html'],
  check(settings, report) {
    for (const s of settingsOf(settings, 'spark', ['conf'], 'spark.master.rest.enabled').filter((s) => isTrue(s.value))) {
      report(s, `${s.spelling} ${s.value} opens the master's unauthenticated REST submission server: whoever reaches it runs code on the cluster`);
    }
  },
};
