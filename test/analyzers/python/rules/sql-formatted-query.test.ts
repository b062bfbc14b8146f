import { describe, expect, it } from 'vitest';
import { py, scan } from '../scan.js';

const ID = 'py.sql-injection.formatted-query';

describe(ID, () => {
  it.each([
    ['f-string', 'cur.execute(f"SELECT * FROM events WHERE ds = \'{ds}\'")\n'],
    ['% formatting', 'cur.execute("SELECT * FROM events WHERE ds = \'%s\'" % ds)\n'],
    ['concatenation', 'cursor.executemany("INSERT INTO " + table + " VALUES (?, ?)", rows)\n'],
    ['.format', 'conn.executescript("DROP TABLE {};".format(name))\n'],
    ['.join', 'session.execute("DELETE FROM t WHERE id IN (" + ",".join(ids) + ")")\n'],
    ['any .sql() method', 'spark.sql(f"SELECT * FROM {db}.{table}")\n'],
    ['SQLAlchemy exec_driver_sql', 'conn.exec_driver_sql(f"DROP TABLE {table}")\n'],
  ])('reports a query built by %s on any receiver', (_how, code) => {
    const findings = scan(code, ID);
    expect(findings).toHaveLength(1);
    expect(findings[0]!).toMatchObject({ severity: 'high', confidence: 'high' });
  });

  it('follows a variable that holds the formatted query, even across augmented assignment', () => {
    const findings = scan(py`
      def load(cur, customer_id, since):
          query = "SELECT * FROM orders WHERE 1 = 1"
          query += f" AND customer_id = {customer_id}"
          query += " AND created_at > %s"
          cur.execute(query, (since,))
    `, ID);
    expect(findings).toHaveLength(1);
  });

  it('keeps apart a variable name reused for different queries', () => {
    const findings = scan(py`
      def by_day(cur, ds):
          query = "SELECT * FROM events WHERE ds = %s"
          cur.execute(query, (ds,))

      def by_table(cur, table):
          query = f"SELECT count(*) FROM {table}"
          cur.execute(query)

      def refresh(cur, view):
          query = f"REFRESH MATERIALIZED VIEW {view}"
          cur.execute(query)
          query = "ANALYZE events"
          cur.execute(query)
    `, ID);
    expect(findings.map((f) => f.location.startLine)).toEqual([7, 11]);
  });

  it('resolves pandas.read_sql and read_sql_query through aliases', () => {
    expect(scan('import pandas as pd\ndf = pd.read_sql(f"SELECT * FROM {t}", con)\n', ID)).toHaveLength(1);
    expect(scan('from pandas import read_sql_query as rq\ndf = rq(sql="SELECT * FROM x WHERE y = " + y, con=engine)\n', ID)).toHaveLength(1);
  });

  it('does not report parameterised queries', () => {
    expect(scan(py`
      import pandas as pd
      SQL = "SELECT * FROM events WHERE ds = %(ds)s"
      cur.execute("SELECT * FROM events WHERE ds = %s", (ds,))
      cur.executemany("INSERT INTO events VALUES (?, ?)", rows)
      frame = pd.read_sql(SQL, con, params={"ds": ds})
      spark.sql("SELECT * FROM events WHERE ds = :ds", args={"ds": ds})
    `, ID)).toEqual([]);
  });

  it('treats interpolated constants as literal', () => {
    expect(scan(py`
      TABLE = "analytics.events"
      LIMIT = 1000
      cur.execute(f"SELECT * FROM {TABLE} WHERE ds = %s LIMIT {LIMIT}", (ds,))
    `, ID)).toEqual([]);
  });

  it('reports a query of unknown origin only on known database handles without parameters', () => {
    const known = py`
      import sqlite3
      conn = sqlite3.connect("warehouse.db")
      def run(query):
          return conn.execute(query)
    `;
    expect(scan(known, ID)[0]).toMatchObject({ severity: 'medium', confidence: 'medium' });
    expect(scan('def run(cur, query):\n    cur.execute(query)\n', ID)).toEqual([]);
    expect(scan('import sqlite3\nconn = sqlite3.connect(p)\nconn.execute(query, params)\n', ID)).toEqual([]);
  });

  it('does not report Airflow operators or executors that happen to have execute()', () => {
    expect(scan('operator.execute(context=context)\nexecutor.execute(task)\n', ID)).toEqual([]);
  });

  it('accepts psycopg2.sql composition and SQLAlchemy constructs', () => {
    expect(scan(py`
      import psycopg2
      from psycopg2 import sql
      from sqlalchemy import text, select
      conn = psycopg2.connect(dsn)
      cur = conn.cursor()
      stmt = sql.SQL("SELECT * FROM {} WHERE ds = %s").format(sql.Identifier(table))
      cur.execute(stmt, (ds,))
      cur.execute(sql.SQL("TRUNCATE {}").format(sql.Identifier(table)))
      engine_conn.execute(text("SELECT * FROM t WHERE id = :id"), {"id": i})
    `, ID)).toEqual([]);
  });

  it('reports text() and sql.SQL() built from formatted strings', () => {
    expect(scan('from sqlalchemy import text\nconn.execute(text(f"SELECT * FROM t WHERE id = {i}"))\n', ID)).toHaveLength(1);
    expect(scan('from psycopg2 import sql\nq = sql.SQL(f"SELECT * FROM {t}")\n', ID)).toHaveLength(1);
  });

  it('covers Airflow DB hooks and handle-only query methods', () => {
    expect(scan(py`
      from airflow.providers.postgres.hooks.postgres import PostgresHook
      hook = PostgresHook(postgres_conn_id="warehouse")
      rows = hook.get_records(f"SELECT * FROM {table}")
    `, ID)).toHaveLength(1);
    expect(scan('from google.cloud import bigquery\nclient = bigquery.Client()\nclient.query(f"SELECT * FROM {t}")\n', ID)).toHaveLength(1);
    expect(scan('frame.query(f"x > {threshold}")\n', ID)).toEqual([]);
    // A database result turned into a pandas frame evaluates a pandas expression in query(), not SQL.
    expect(scan(py`
      import duckdb
      from pyspark.sql import SparkSession
      spark = SparkSession.builder.getOrCreate()
      spark.table("events").toPandas().query(rule)
      duckdb.sql("select * from t").df().query(f"x > {threshold}")
    `, ID)).toEqual([]);
    // An HTTP hook's run() takes an endpoint, not SQL; a hook looked up by connection may be a SQL one.
    expect(scan('from airflow.providers.http.hooks.http import HttpHook\nHttpHook(http_conn_id="api").run(f"/tenants/{t}")\n', ID)).toEqual([]);
    expect(scan('from airflow.hooks.base import BaseHook\nBaseHook.get_hook("wh").run(f"VACUUM {t}")\n', ID)).toHaveLength(1);
  });

  it('covers COPY statements and the AWS APIs that run SQL or PartiQL, unless the values are bound', () => {
    const found = scan(py`
      import boto3, psycopg, psycopg2
      def load(day, table, rows, statement):
          cur = psycopg2.connect("dbname=x").cursor()
          cur.copy_expert(f"COPY {table} FROM STDIN WITH CSV", rows)
          cur.copy_expert("COPY events FROM STDIN WITH CSV", rows)
          with psycopg.connect("dbname=x") as conn, conn.cursor() as c3:
              with c3.copy(f"COPY {table} FROM STDIN") as cp:
                  cp.write(rows)
              with c3.copy("COPY t (d) FROM STDIN WHERE d > %s", (day,)) as cp:
                  cp.write(rows)
          athena = boto3.client("athena")
          athena.start_query_execution(QueryString=f"SELECT * FROM t WHERE d = '{day}'", WorkGroup="w")
          athena.start_query_execution(QueryString="SELECT * FROM t WHERE d = ?", ExecutionParameters=[day])
          rs = boto3.client("redshift-data")
          rs.execute_statement(Database="d", Sql="DELETE FROM t WHERE d = '" + day + "'")
          rs.execute_statement(Database="d", Sql=statement, Parameters=[{"name": "d", "value": day}])
          boto3.client("dynamodb").execute_statement(Statement=f"SELECT * FROM orders WHERE pk = '{day}'")
          backup = rows.copy()
          engine.execute_statement(Statement=f"SELECT {day}")
    `, ID);
    expect(found.map((f) => [f.location.startLine, f.confidence])).toEqual([
      [4, 'high'],
      [7, 'high'],
      [12, 'high'],
      [15, 'high'],
      [17, 'high'],
    ]);
  });

  it('covers the query option of a database client started from an argv', () => {
    const found = scan(py`
      import os, subprocess
      def purge(day, table):
          subprocess.run(["psql", "-c", f"DELETE FROM {table} WHERE ds = '{day}'"], check=True)
          subprocess.run(["psql", "-c", "VACUUM events"], check=True)
          os.execvp("mysql", ["mysql", "--execute=DELETE FROM t WHERE ds = '" + day + "'"])
          subprocess.run(["psql", "-c", table], check=True)
          subprocess.run(["grep", "-c", f"{day}", "log.txt"], check=True)
    `, ID);
    expect(found.map((f) => [f.location.startLine, f.confidence])).toEqual([
      [3, 'high'],
      [5, 'high'],
      [6, 'medium'],
    ]);
    expect(found[0]!.message).toBe('subprocess.run() starts a database client with a query built by string formatting or concatenation; values spliced into its text can rewrite the statement');
  });

  it("covers Spark JDBC's query and dbtable options and the table of jdbc() when the query is built in place", () => {
    const found = scan(py`
      def extract(spark, day, table):
          a = spark.read.format("jdbc").option("query", f"select * from orders where d = '{day}'").load()
          b = spark.read.jdbc(URL, "(select * from t where d = '" + day + "') q")
          c = spark.read.format("jdbc").options(url=URL, dbtable=f"(select * from {table}) q").load()
          d = spark.read.format("jdbc").option("dbtable", table).load()
          e = spark.read.format("jdbc").option("url", f"jdbc:postgresql://db/{day}").option("dbTable", "events").load()
          f = spark.read.jdbc(URL, table)
    `, ID);
    expect(found.map((f) => [f.location.startLine, f.confidence])).toEqual([
      [2, 'high'],
      [3, 'high'],
      [4, 'high'],
    ]);
    expect(found[1]!.message).toBe('spark.read.jdbc() sends the database a query built by string formatting or concatenation (Spark JDBC); values spliced into its text can rewrite the statement');
  });

  it('reports formatted queries even when **kwargs are present', () => {
    expect(scan('cur.execute(f"SELECT {cols} FROM t", **kw)\n', ID)).toHaveLength(1);
    expect(scan('import sqlite3\nc = sqlite3.connect(p)\nc.execute(q, **kw)\n', ID)).toEqual([]);
  });
});

describe(`${ID} on Django's raw SQL`, () => {
  it('reports Manager.raw(), RawSQL and extra() fragments built in place, and leaves bound parameters and plain names alone', () => {
    const findings = scan(py`
      from django.db.models import RawSQL
      from shop.models import Order

      def orders(day, column, status):
          a = Order.objects.raw(f"SELECT * FROM shop_order WHERE day = '{day}'")
          b = Order.objects.annotate(n=RawSQL("SELECT count(*) FROM shop_item WHERE status = '" + status + "'", []))
          c = Order.objects.filter(paid=True).extra(where=["day = '%s'" % day], select={"late": f"{column} > now()"})
          d = Order.objects.raw("SELECT * FROM shop_order WHERE day = %s", [day])
          e = Order.objects.extra(where=["day = %s"], params=[day], order_by=[column])
          f = Order.objects.raw(day)
          g = report.raw(f"{day}")
    `, ID);
    expect(findings.map((f) => [f.location.startLine, f.confidence, f.message])).toEqual([
      [5, 'high', 'shop.models.Order.objects.raw() runs a SQL query built by string formatting or concatenation; values spliced into its text can rewrite the statement'],
      [6, 'high', 'django.db.models.RawSQL() runs a SQL query built by string formatting or concatenation; values spliced into its text can rewrite the statement'],
      [7, 'high', 'shop.models.Order.objects.filter().extra() puts SQL built by string formatting or concatenation into the query (Django QuerySet.extra); values spliced into its text can rewrite the statement'],
      [7, 'high', 'shop.models.Order.objects.filter().extra() puts SQL built by string formatting or concatenation into the query (Django QuerySet.extra); values spliced into its text can rewrite the statement'],
      [10, 'medium', 'shop.models.Order.objects.raw() runs a SQL query whose origin is not visible here; values spliced into its text can rewrite the statement'],
    ]);
  });
});
