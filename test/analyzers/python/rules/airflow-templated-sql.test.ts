import { describe, expect, it } from 'vitest';
import { py, scan } from '../scan.js';

const ID = 'py.airflow.templated-sql';
const HEADER = 'from airflow.providers.common.sql.operators.sql import SQLExecuteQueryOperator\n';

function op(sql: string, extra = ''): string {
  return `${HEADER}SQLExecuteQueryOperator(task_id="t", conn_id="wh", sql=${sql}${extra})\n`;
}

describe(ID, () => {
  it('reports trigger conf spliced into bare SQL with high confidence, naming the operator and value', () => {
    const [finding, ...rest] = scan(op(`"DELETE FROM {{ dag_run.conf['table'] }}"`), ID);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ severity: 'high', confidence: 'high', cwe: ['CWE-89'] });
    expect(finding!.message).toContain("SQLExecuteQueryOperator sql renders {{ dag_run.conf['table'] }}");
  });

  it('reads a template written with escape sequences', () => {
    expect(scan(op(`"DELETE FROM events\\nWHERE id = {{ dag_run.conf['id'] }}"`), ID)).toMatchObject([{ confidence: 'high' }]);
  });

  it('reports a splice inside a quoted literal at medium confidence', () => {
    expect(scan(op(`"SELECT * FROM t WHERE day = '{{ params.day }}'"`), ID)).toMatchObject([{ confidence: 'medium' }]);
  });

  it('reports the bare splice when a template has both kinds', () => {
    const sql = `"SELECT * FROM t WHERE d = '{{ params.day }}' AND {{ params.filter }}"`;
    expect(scan(op(sql), ID)).toMatchObject([{ confidence: 'high' }]);
  });

  it('reads each statement of a list, and a template held in a module constant', () => {
    const findings = scan(py`
      from airflow.providers.postgres.operators.postgres import PostgresOperator
      PURGE = "DELETE FROM {{ dag_run.conf['table'] }}"
      PostgresOperator(task_id="a", sql=["VACUUM t", "DELETE FROM t WHERE id = {{ params.id }}"])
      PostgresOperator(task_id="b", sql=PURGE)
    `, ID);
    expect(findings.map((f) => f.location.startLine)).toEqual([3, 4]);
  });

  it('reads the query of Athena and the hql of Hive', () => {
    const findings = scan(py`
      from airflow.providers.amazon.aws.operators.athena import AthenaOperator
      from airflow.providers.apache.hive.operators.hive import HiveOperator
      AthenaOperator(task_id="a", query="SELECT * FROM {{ params.table }}", database="raw", output_location="s3://o/")
      HiveOperator(task_id="h", hql="INSERT OVERWRITE TABLE t SELECT * FROM {{ dag_run.conf['src'] }}")
      HiveOperator(task_id="q", sql="SELECT * FROM {{ dag_run.conf['src'] }}")
    `, ID);
    expect(findings.map((f) => f.location.startLine)).toEqual([3, 4]);
  });

  it.each([
    ['bound parameters', op('"DELETE FROM t WHERE day = %(day)s"', `, parameters={"day": "{{ dag_run.conf['day'] }}"}`)],
    ['a value cast to a number', op('"SELECT * FROM t LIMIT {{ params.limit | int }}"')],
    ['quotes escaped inside the literal', op(`"SELECT * FROM t WHERE d = '{{ params.day | replace(\\"'\\", \\"''\\") }}'"`)],
    ['a splice in a SQL comment', op(`"SELECT 1 -- was {{ params.old }}"`)],
    ['Airflow macros', op(`"DELETE FROM t WHERE ds = '{{ ds }}'"`)],
    ['a .sql file name (the SQL analyzer reads the file itself)', op('"sql/purge.sql"')],
    ['another class with a sql keyword', 'Query(sql="SELECT * FROM {{ params.table }}")\n'],
  ])('leaves %s alone', (_, code) => {
    expect(scan(code, ID)).toEqual([]);
  });
});
