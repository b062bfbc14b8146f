import { describe, expect, it } from 'vitest';
import { analyzePythonSource } from '../../../../src/analyzers/python/index.js';
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

  it("follows a run parameter into Spark's JDBC query, its dbtable subquery and the table of jdbc(), with the table as the sink's dataset", () => {
    const code = py`
      from airflow.models import Variable
      from pyspark.sql import SparkSession

      day = Variable.get("day")
      spark = SparkSession.builder.getOrCreate()
      a = spark.read.format("jdbc").option("url", URL).option("query", f"select * from orders where d = '{day}'").load()
      b = spark.read.jdbc(URL, f"(select * from t where d = '{day}') q")
      c = spark.read.format("jdbc").options(url=URL, dbtable="(select * from t where d = '" + day + "') q").load()
      d = spark.read.format("jdbc").option("dbTable", f"(select * from t where d = '{day}') q").load()
      e = spark.read.format("jdbc").option("url", f"jdbc:postgresql://db/{day}").option("dbtable", "events").load()
      f = spark.read.format("jdbc").option("query", "select * from t").option("user", day).load()
    `;
    const found = flows(code);
    expect(found.map((f) => [f.ruleId, f.location.startLine])).toEqual([
      ['py.taint.sql-injection', 6],
      ['py.taint.sql-injection', 7],
      ['py.taint.sql-injection', 8],
      ['py.taint.sql-injection', 9],
    ]);
    const datasets = analyzePythonSource(code, 'jobs/extract.py').facts.lineage!.sinks.map((s) => s.dataset);
    expect(datasets).toContain('orders');
    expect(datasets).toContain('events');
    expect(datasets).not.toContain('query');
    expect(datasets).not.toContain('dbtable');
  });
});
