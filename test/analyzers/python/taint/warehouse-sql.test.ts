import { describe, expect, it } from 'vitest';
import { analyzePythonText, py } from '../scan.js';

const flows = (code: string) => analyzePythonText(code, 'dags/load.py').findings.filter((f) => f.ruleId.startsWith('py.taint.'));

describe('SQL run by warehouse clients, COPY and AWS query APIs', () => {
  it('follows a run parameter into BigQuery, COPY, Athena, the Redshift Data API and DynamoDB PartiQL as SQL injection', () => {
    const code = py`
      import boto3
      import psycopg2
      from google.cloud import bigquery
      from airflow.models import Variable

      day = Variable.get("day")
      bigquery.Client().query(f"SELECT * FROM events WHERE d = '{day}'")
      cur = psycopg2.connect("dbname=x").cursor()
      cur.copy_expert(f"COPY (SELECT * FROM events WHERE d = '{day}') TO STDOUT", open("out.csv", "w"))
      boto3.client("athena").start_query_execution(QueryString="SELECT * FROM t WHERE d = '" + day + "'")
      boto3.client("redshift-data").batch_execute_statement(Sqls=[f"DELETE FROM t WHERE d = '{day}'"], Database="d")
      boto3.client("dynamodb").execute_statement(Statement=f"SELECT * FROM orders WHERE pk = '{day}'")
      boto3.client("athena").start_query_execution(QueryString="SELECT * FROM t WHERE d = ?", ExecutionParameters=[day])
    `;
    const found = flows(code);
    expect(found.map((f) => [f.ruleId, f.location.startLine])).toEqual([
      ['py.taint.sql-injection', 7],
      ['py.taint.sql-injection', 9],
      ['py.taint.sql-injection', 10],
      ['py.taint.sql-injection', 11],
      ['py.taint.sql-injection', 12],
    ]);
    expect(found[0]!.trace!.at(-1)!.label).toBe('sink: google.cloud.bigquery.Client().query() — the value runs as SQL');
  });

  it('takes a warehouse client\'s query() for SQL, not for a DataFrame expression', () => {
    const code = py`
      import clickhouse_connect
      from airflow.models import Variable
      cond = Variable.get("cond")
      clickhouse_connect.get_client(host="ch").query(f"SELECT * FROM t WHERE {cond}")
    `;
    expect(flows(code).map((f) => f.ruleId)).toEqual(['py.taint.sql-injection']);
  });
});
