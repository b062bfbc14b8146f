import { taintRule } from './taint-rule.js';

export const sqlInjection = taintRule(
  {
  id: 'py.taint.sql-injection',
  title: "Untrusted data reaches a SQL query",
  severity: 'high',
  cwe: ["CWE-89"],
  what: "Follows data from ingestion points (files, APIs, queues, CLI arguments, environment, Airflow run config, HTTP requests) into SQL text run by cursor.execute, .sql(), pandas.read_sql, sqlalchemy.text and duckdb, and Spark SQL given as text (filter/where conditions, selectExpr, F.expr; Column expressions carry values as parameters and are not followed into).",
  why: "Values read from landing files, messages or DAG run parameters that are spliced into SQL can end the string and add clauses that run with the pipeline's warehouse role.",
  remediation: "Keep SQL text literal and pass values as bound parameters (cur.execute(q, (v,)), read_sql(q, con, params=...)); check identifiers against an allow-list.",
  bad: [
    {
      file: "jobs/load.py",
      code: "import sys\nimport sqlite3\n\nconn = sqlite3.connect(\"w.db\")\nday = sys.argv[1]\nconn.execute(f\"DELETE FROM events WHERE ds = '{day}'\")\n",
    },
  ],
  good: [
    {
      file: "jobs/load.py",
      code: "import sys\nimport sqlite3\n\nconn = sqlite3.connect(\"w.db\")\nday = sys.argv[1]\nconn.execute(\"DELETE FROM events WHERE ds = ?\", (day,))\n",
    },
  ],
  bandit: ['B608'],
  references: ["https://cwe.mitre.org/data/definitions/89.html"],
  },
  'sql-injection',
  ["py.sql-injection.formatted-query", "nb.sql-magic-injection"],
);
