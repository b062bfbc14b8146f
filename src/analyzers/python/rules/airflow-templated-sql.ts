import { unsafeSplicesIn } from '../../sql/unsafe-splices.js';
import { AIRFLOW_SQL_OPERATORS, operatorTemplates } from '../airflow-templated-operators.js';
import type { PythonRule } from '../python-rule.js';

export const airflowTemplatedSql: PythonRule = {
  id: 'py.airflow.templated-sql',
  title: 'Airflow SQL operator templated with run input',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-89'],
  what:
    'Finds the sql= of SQLExecuteQueryOperator and the database operators built on it (Postgres, MySQL, SQLite, ' +
    'MSSQL, Oracle, Snowflake, Trino, Databricks, Redshift, BigQuery), Athena’s query= and Hive’s hql= whose Jinja ' +
    'splices dag_run.conf, params or var(…) into the statement — the same judgement as sql.jinja-unsafe-splice makes ' +
    'on .sql files: high confidence in bare SQL, medium inside a quoted literal; values cast with | int or | float, ' +
    'quotes escaped inside a literal, and splices in SQL comments are left alone. A list of statements is read ' +
    'statement by statement; SQL built in Python is followed by py.taint.sql-injection instead.',
  why:
    'Airflow renders the template before the database sees it. Whoever may trigger the DAG — the UI, the REST API, ' +
    'another DAG — chooses dag_run.conf, and params too unless a Param schema confines them, so a value such as ' +
    "`2024-01-01' OR '1'='1` or `x; DROP TABLE staging` becomes part of the statement run with the connection’s rights.",
  remediation:
    'Bind values instead of splicing them: write %(day)s (or the driver’s placeholder) in sql= and give ' +
    'parameters={"day": "{{ dag_run.conf[\'day\'] }}"}, which Airflow renders and the driver binds. Cast numbers in ' +
    'the template (| int), and declare params with a Param schema (enum or pattern) so Airflow rejects bad values at ' +
    'trigger time.',
  bad: [
    { file: 'dags/purge.py', code: purgeDag('"DELETE FROM {{ dag_run.conf[\'table\'] }} WHERE loaded_at < now() - interval \'30 days\'"') },
    {
      file: 'dags/reload.py',
      code:
        'from airflow import DAG\n' +
        'from airflow.providers.postgres.operators.postgres import PostgresOperator\n\n' +
        'with DAG("reload", schedule="@daily") as dag:\n' +
        '    PostgresOperator(\n' +
        '        task_id="reload",\n' +
        '        postgres_conn_id="warehouse",\n' +
        '        sql=["TRUNCATE staging.orders", "DELETE FROM marts.orders WHERE day = \'{{ params.day }}\'"],\n' +
        '    )\n',
    },
  ],
  good: [
    {
      file: 'dags/purge.py',
      code: purgeDag(
        '"DELETE FROM staging.events WHERE day = %(day)s AND shard < {{ params.shards | int }}",\n' +
          '        parameters={"day": "{{ dag_run.conf[\'day\'] }}"}',
      ),
    },
  ],
  references: [
    'https://airflow.apache.org/docs/apache-airflow-providers-common-sql/stable/operators.html',
    'https://airflow.apache.org/docs/apache-airflow/stable/security/security_model.html',
    'https://cwe.mitre.org/data/definitions/89.html',
  ],
  onCall(call, ctx) {
    for (const { operator, field, node, text } of operatorTemplates(call, ctx, AIRFLOW_SQL_OPERATORS)) {
      const splice = unsafeSplicesIn(text).sort((a, b) => Number(a.quoted) - Number(b.quoted))[0];
      if (!splice) continue;
      ctx.report(node, {
        message: splice.quoted
          ? `${operator} ${field} renders {{ ${splice.source} }} inside a quoted SQL literal without escaping; a value containing a quote breaks out of it`
          : `${operator} ${field} renders {{ ${splice.source} }} into the SQL it runs unquoted; whoever sets it can change the statement`,
        confidence: splice.quoted ? 'medium' : 'high',
      });
    }
  },
};

/** A DAG with one SQLExecuteQueryOperator task given `sql` (and any keyword arguments after it). */
function purgeDag(sql: string): string {
  return (
    'from airflow import DAG\n' +
    'from airflow.providers.common.sql.operators.sql import SQLExecuteQueryOperator\n\n' +
    'with DAG("purge", schedule=None) as dag:\n' +
    '    SQLExecuteQueryOperator(\n' +
    '        task_id="purge",\n' +
    '        conn_id="warehouse",\n' +
    `        sql=${sql},\n` +
    '    )\n'
  );
}
