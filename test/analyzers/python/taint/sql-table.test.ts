import { describe, expect, it } from 'vitest';
import { analyzePythonSource } from '../../../../src/analyzers/python/index.js';
import type { PythonFacts } from '../../../../src/analyzers/python/facts.js';
import { readsOnly, selectsOnlyAggregates, tableOfStatement } from '../../../../src/analyzers/python/taint/sql-table.js';
import { buildLineage } from '../../../../src/inventory/lineage/build.js';
import { renderOpenLineage } from '../../../../src/inventory/lineage/openlineage.js';

describe('tableOfStatement', () => {
  it.each([
    ['INSERT OR IGNORE INTO seen_feedback (id) VALUES (?)', 'seen_feedback'],
    ['insert into analytics.events select * from staging.events', 'analytics.events'],
    ['CREATE TABLE IF NOT EXISTS "Raw Events" (id int)', 'Raw Events'],
    ['create or replace temporary table tmp_x as select 1', 'tmp_x'],
    ['UPDATE ONLY public.users SET x = 1', 'public.users'],
    ['DELETE FROM `db`.`t` WHERE ds = %s', 'db.t'],
    ['MERGE INTO dw.dim_customer AS d USING s ON d.id = s.id', 'dw.dim_customer'],
    ['COPY staging.feedback FROM STDIN WITH CSV', 'staging.feedback'],
    ['  SELECT id, email\n  FROM crm.leads WHERE active', 'crm.leads'],
    ['TRUNCATE TABLE [dbo].[orders]', 'dbo.orders'],
    ['INSERT OVERWRITE TABLE curated.events SELECT * FROM events', 'curated.events'],
    ['insert into {schema}.orders_{ds} select 1', '{schema}.orders_{ds}'],
  ])('%j names %s', (sql, table) => {
    expect(tableOfStatement(sql)).toBe(table);
  });

  it.each(['SELECT 1', 'SELECT * FROM (SELECT 1) s', 'VACUUM', 'orders', 'PRAGMA user_version'])('%j names no table', (sql) => {
    expect(tableOfStatement(sql)).toBeUndefined();
  });

  it('names lineage sinks and table sources by their table', () => {
    const code = [
      'import sqlite3',
      'import pandas as pd',
      'conn = sqlite3.connect("state.db")',
      'conn.execute("CREATE TABLE IF NOT EXISTS seen (id TEXT PRIMARY KEY)")',
      'leads = pd.read_sql("SELECT id FROM crm.leads WHERE active", conn)',
      'leads.to_sql("leads_copy", conn)',
    ].join('\n');
    const lineage = (analyzePythonSource(code, 'job.py').facts as PythonFacts).lineage!;
    expect(lineage.sources.map((s) => s.dataset)).toEqual(['crm.leads']);
    expect(lineage.sinks.map((s) => s.dataset)).toEqual(['seen', 'leads_copy']);
  });

  it('names a dataset the code builds per run by its template, with a fixed start, and a table filled in whole by none', () => {
    const code = [
      'import sys',
      'from pyspark.sql import SparkSession',
      'spark = SparkSession.builder.getOrCreate()',
      'run_date, table = sys.argv[1], sys.argv[2]',
      'df = spark.read.json(f"s3a://landing/{run_date}/")',
      'spark.sql(f"INSERT OVERWRITE TABLE curated.{table} SELECT * FROM events")',
      'spark.sql("INSERT INTO " + table + " SELECT * FROM events")',
      'df.write.parquet("s3a://curated/" + table + "/")',
      'df.write.parquet(f"{base_uri}/out")',
    ].join('\n');
    const lineage = (analyzePythonSource(code, 'job.py').facts as PythonFacts).lineage!;
    expect(lineage.sources.filter((s) => s.kind === 'file').map((s) => s.dataset)).toEqual(['s3a://landing/{run_date}/']);
    expect(lineage.sinks.map((s) => [s.line, s.dataset ?? null])).toEqual([
      [6, 'curated.{table}'],
      [7, null],
      [8, 's3a://curated/{table}/'],
      [9, null],
    ]);
  });

  it('draws the table an Airflow SQL operator writes as written by its task, which OpenLineage lists as a job', () => {
    const code = [
      'from airflow.providers.common.sql.operators.sql import SQLExecuteQueryOperator',
      'from airflow.providers.postgres.hooks.postgres import PostgresHook',
      'PostgresHook("wh").run("DELETE FROM staging.stale")',
      'SQLExecuteQueryOperator(',
      '    task_id="publish",',
      '    conn_id="wh",',
      '    sql="INSERT INTO marts.daily SELECT * FROM staging.orders",',
      ')',
    ].join('\n');
    const lineage = (analyzePythonSource(code, 'dags/publish.py').facts as PythonFacts).lineage!;
    expect(lineage.sinks.map((s) => s.dataset)).toEqual(['staging.stale', 'marts.daily']);
    const graph = buildLineage(new Map([['dags/publish.py', lineage]]));
    expect(graph.edges.filter((e) => e.type === 'writes').map((e) => [e.from, e.to])).toEqual([
      ['job:dags/publish.py#<module>', 'dataset:staging.stale'],
      ['task:dags/publish.py#publish', 'dataset:marts.daily'],
    ]);
    const events = renderOpenLineage(graph, '/srv/dags', '2026-11-27T00:00:00.000Z').trim().split('\n').map((l) => JSON.parse(l));
    expect(events.map((e) => [e.job.name, e.outputs.map((o: { name: string }) => o.name)])).toEqual([
      ['dags/publish.py', ['staging.stale']],
      ['dags/publish.py:publish', ['marts.daily']],
    ]);
  });

  it.each([
    ['SELECT id FROM crm.leads', true],
    ['  with recent as (select * from events) select count(*) from recent', true],
    ['SELECT * INTO archive FROM events', false],
    ['WITH moved AS (DELETE FROM queue RETURNING *) SELECT * FROM moved', false],
    ['INSERT INTO t SELECT * FROM s', false],
    ['PRAGMA user_version', false],
  ])('%j reads only: %s', (sql, expected) => {
    expect(readsOnly(sql)).toBe(expected);
  });

  it('draws a cursor query as a read of its table, by the rows fetched from it', () => {
    const code = [
      'import sqlite3',
      'conn = sqlite3.connect("state.db")',
      'cur = conn.cursor()',
      'cur.execute("SELECT id, email FROM crm.leads WHERE active")',
      'leads = cur.fetchall()',
      'cur.execute("DELETE FROM crm.stale")',
      'first = conn.execute("SELECT name FROM purge_queue").fetchone()',
      'conn.execute("INSERT INTO seen (id) VALUES (?)", (leads[0][0],))',
    ].join('\n');
    const lineage = (analyzePythonSource(code, 'job.py').facts as PythonFacts).lineage!;
    expect(lineage.sources.map((s) => [s.line, s.dataset])).toEqual([
      [5, 'crm.leads'],
      [7, 'purge_queue'],
    ]);
    expect(lineage.sinks.map((s) => s.dataset)).toEqual(['crm.stale', 'seen']);
  });

  it('takes a request whose response is thrown away as a write only', () => {
    const code = [
      'import httpx',
      'import requests',
      'client = httpx.AsyncClient()',
      'async def notify():',
      '    await client.post("https://hooks.example.com/a", json={"ok": True})',
      'requests.post("https://hooks.example.com/b", json={"ok": True}, timeout=5)',
      'items = requests.get("https://api.example.com/items", timeout=5).json()',
    ].join('\n');
    const lineage = (analyzePythonSource(code, 'job.py').facts as PythonFacts).lineage!;
    expect(lineage.sources.map((s) => s.dataset)).toEqual(['https://api.example.com/items']);
    expect(lineage.sinks.map((s) => s.dataset)).toEqual(['https://hooks.example.com/a', 'https://hooks.example.com/b']);
  });

  it('tells a file opened or loaded for reading from one written', () => {
    const code = [
      'import joblib, pickle',
      'with open("data/in.csv") as f:',
      '    rows = f.read()',
      'with open("models/m.pkl", mode="rb") as fh:',
      '    model = pickle.load(fh)',
      'clf = joblib.load("models/clf.joblib")',
      'with open("out/report.txt", "w") as out:',
      '    out.write(rows)',
      'with open("out/log.txt", "a+") as log:',
      '    log.write("done")',
    ].join('\n');
    const lineage = (analyzePythonSource(code, 'job.py').facts as PythonFacts).lineage!;
    expect(lineage.sinks.map((s) => [s.api, s.dataset ?? null, s.reads ?? false])).toEqual([
      ['builtins.open', 'data/in.csv', true],
      ['builtins.open', 'models/m.pkl', true],
      ['pickle.load', null, true],
      ['joblib.load', 'models/clf.joblib', true],
      ['builtins.open', 'out/report.txt', false],
      ['builtins.open', 'out/log.txt', false],
    ]);
  });

  it('names what is read from a file handle by the path it was opened with', () => {
    const code = [
      'with open("data/in.csv") as f:',
      '    header = f.readline()',
      'for line in open("data/more.txt"):',
      '    eval(line)',
      'body = open("data/raw.json").read()',
      'def load(path):',
      '    with open(path) as fh:',
      '        return fh.read()',
    ].join('\n');
    const lineage = (analyzePythonSource(code, 'job.py').facts as PythonFacts).lineage!;
    expect(lineage.sources.map((s) => [s.api, s.dataset ?? null])).toEqual([
      ['builtins.open().readline', 'data/in.csv'],
      ['iteration over a file', 'data/more.txt'],
      ['builtins.open().read', 'data/raw.json'],
      ['builtins.open().read', null],
    ]);
  });

  it('takes readall() as a blob read only after download_blob(), and the chained pair as one ingestion point', () => {
    const code = [
      'def fetch(container, stream):',
      '    blob = container.get_blob_client("exports/day.csv").download_blob().readall()',
      '    eval(blob)',
      '    eval(stream.readall())',
    ].join('\n');
    const result = analyzePythonSource(code, 'job.py');
    const lineage = (result.facts as PythonFacts).lineage!;
    expect(lineage.sources.map((s) => [s.api, s.line])).toEqual([['container.get_blob_client().download_blob', 2]]);
    const traced = result.findings.filter((f) => f.ruleId === 'py.taint.code-injection');
    expect(traced.map((f) => [f.location.startLine, f.confidence])).toEqual([[3, 'high']]);
  });
});

describe('selectsOnlyAggregates', () => {
  it.each([
    ['SELECT COUNT(*) FROM cpi', true],
    ['select max(extracted_at) as raw_marker from (select max(a) from t union all select max(b) from u) m', true],
    ['SELECT COALESCE(MAX(loaded_at), 0) mark, count(*) AS n FROM staging.events', true],
    ['SELECT EXISTS(SELECT 1 FROM t WHERE id = %s) FROM dual', true],
    ['SELECT 1 FROM t WHERE id = %s', true],
    ['SELECT last_raw_marker FROM raw.state WHERE pipeline_name = %s', false],
    ['SELECT COUNT(*), region FROM t GROUP BY region', false],
    ['SELECT SUM(amount) OVER (PARTITION BY account) FROM payments', false],
    ['SELECT DISTINCT count(*) FROM t', false],
    ['SELECT * FROM t', false],
    ['DELETE FROM t', false],
  ])('%j: %s', (sql, expected) => {
    expect(selectsOnlyAggregates(sql)).toBe(expected);
  });
});
