import { calls, type CallSite } from '../call-site.js';
import type { SyntaxNode } from '../parser.js';
import type { PythonContext, PythonRule } from '../python-rule.js';
import { calleeLabel, reportDynamic } from './dynamic-value.js';
import { ARGV_RUNNERS, clientQuery, sequenceItems, startedProgram, SUBPROCESS_RUNNERS } from './shell.js';
import { AWS_SQL_KEYWORDS, AWS_SQL_METHODS, DB_MODULES, DJANGO_EXTRA_SQL, DJANGO_QUERYSET, DJANGO_RAW_SQL, HOOK_SQL_METHODS, receiverMatches, SQL_HOOK_MODULES, sparkJdbcQuery } from '../taint/sinks.js';

/** Where a sink takes its query and its bound parameters. */
interface QuerySink {
  queryKeywords: string[];
  paramsIndex?: number;
  paramsKeywords: string[];
}

const EXECUTE: QuerySink = {
  queryKeywords: ['operation', 'sql', 'query', 'statement'],
  paramsIndex: 1,
  paramsKeywords: ['parameters', 'params', 'args', 'vars', 'seq_of_parameters'],
};
const SQL_METHOD: QuerySink = { queryKeywords: ['sqlQuery', 'query', 'sql'], paramsIndex: 1, paramsKeywords: ['args', 'params'] };
const READ_SQL: QuerySink = { queryKeywords: ['sql'], paramsIndex: 4, paramsKeywords: ['params'] };
const READ_DATABASE: QuerySink = { queryKeywords: ['query'], paramsKeywords: ['execute_options'] };
const HANDLE_QUERY: QuerySink = { queryKeywords: ['query'], paramsIndex: 1, paramsKeywords: ['parameters', 'params', 'job_config'] };
/** Query-object constructors; parameters are bound later, where the object is executed. */
const QUERY_TEXT: QuerySink = { queryKeywords: ['text', 'string', 'query'], paramsKeywords: [] };
/** Django's Manager.raw(raw_query, params) and RawSQL(sql, params). */
const DJANGO_RAW: QuerySink = { queryKeywords: ['raw_query', 'sql'], paramsIndex: 1, paramsKeywords: ['params'] };
const HOOK: QuerySink = { queryKeywords: ['sql'], paramsIndex: 1, paramsKeywords: ['parameters'] };
/** psycopg2's copy_expert(sql, file) binds nothing; psycopg 3's copy(statement, params) does. */
const COPY_EXPERT: QuerySink = { queryKeywords: ['sql'], paramsKeywords: [] };
const COPY: QuerySink = { queryKeywords: ['statement'], paramsIndex: 1, paramsKeywords: ['params'] };
/** Athena, the Redshift and RDS Data APIs and DynamoDB PartiQL through boto3, which binds `Parameters`. */
const AWS_SQL: QuerySink = { queryKeywords: AWS_SQL_KEYWORDS, paramsKeywords: ['Parameters', 'parameters', 'ExecutionParameters'] };

/** Sinks matched by method name on any receiver, since the receiver's type is rarely known. */
const METHOD_SINKS = new Map<string, QuerySink>([
  ['execute', EXECUTE],
  ['executemany', EXECUTE],
  ['executescript', EXECUTE],
  // SQLAlchemy's raw-SQL escape hatch, which skips text() and its bind parameters.
  ['exec_driver_sql', EXECUTE],
  ['sql', SQL_METHOD],
  ['copy_expert', COPY_EXPERT],
]);
/** Methods that run SQL only on a known database handle (`query` is also DataFrame.query, `copy` a copy of anything). */
const HANDLE_METHOD_SINKS = new Map<string, QuerySink>([
  ['query', HANDLE_QUERY],
  ['copy', COPY],
]);
/** Sinks matched by resolved name. */
const NAMED_SINKS = new Map<string, QuerySink>([
  ['pandas.read_sql', READ_SQL],
  ['pandas.read_sql_query', READ_SQL],
  ['pandas.io.sql.read_sql', READ_SQL],
  ['pandas.io.sql.read_sql_query', READ_SQL],
  ['polars.read_database', READ_DATABASE],
  ['polars.read_database_uri', READ_DATABASE],
  ['sqlalchemy.text', QUERY_TEXT],
  ['sqlalchemy.sql.text', QUERY_TEXT],
  ['sqlalchemy.sql.expression.text', QUERY_TEXT],
  ['psycopg2.sql.SQL', QUERY_TEXT],
  ['psycopg.sql.SQL', QUERY_TEXT],
  ...DJANGO_RAW_SQL.map((name): [string, QuerySink] => [name, DJANGO_RAW]),
]);
/** A DB-API hook of a SQL provider, or one BaseHook.get_hook() looked up by connection. */
function isSqlHook(receiver: string): boolean {
  if (/^airflow\..*\.get_hook\(\)$/.test(receiver)) return true;
  return receiver.endsWith('Hook()') && SQL_HOOK_MODULES.some((m) => receiver.startsWith(`${m}.`));
}
/**
 * Receivers from these modules are known database handles, so even a query of unknown origin
 * is worth a look there; elsewhere `.execute(x)` may not be SQL at all.
 */
const DATABASE_MODULES = [...DB_MODULES, 'pyspark'];
/**
 * A result turned into a pandas DataFrame (`spark.table(t).toPandas()`, `duckdb.sql(q).df()`) is
 * no database handle: its `query()` evaluates a pandas expression, which the taint engine judges.
 */
const PANDAS_FRAME = /\.(?:toPandas|to_pandas|pandas_api|df|fetchdf|fetch_df)\(\)/;
/** Query objects composed from parts that their library quotes; they are checked where built. */
const COMPOSED_QUERIES = ['psycopg2.sql.', 'psycopg.sql.', 'sqlalchemy.'];

export const sqlFormattedQuery: PythonRule = {
  id: 'py.sql-injection.formatted-query',
  title: 'SQL query built by string formatting',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-89'],
  what:
    'Finds SQL run through cursor.execute/executemany/executescript, SQLAlchemy exec_driver_sql, .sql() (Spark, DuckDB), pandas.read_sql, ' +
    'sqlalchemy.text, Airflow DB hooks, COPY (copy_expert, psycopg 3 copy), the query option of a database client started ' +
    'from an argv (psql -c, mysql -e, …), Spark JDBC query/dbtable options and jdbc() tables built in place, Django Manager.raw(), RawSQL and ' +
    'QuerySet.extra() fragments built in place, and the statements of Athena, the Redshift ' +
    'and RDS Data APIs and DynamoDB PartiQL through boto3 where the query is built with an f-string, %, +, .format() or .join(), ' +
    'directly or through a variable. On known database handles, a query of unknown origin passed without bound ' +
    'parameters is reported at medium confidence.',
  why:
    'A value spliced into SQL text can close the string and add its own clauses. Pipelines build queries from ' +
    'partition dates, table names, customer ids and filter lists that arrive in files, messages and DAG run ' +
    'parameters; injected SQL then runs with the pipeline’s warehouse role, which typically can read every table ' +
    'and write the curated ones.',
  remediation:
    'Keep the query text literal and pass values as bound parameters: cur.execute("... WHERE ds = %s", (ds,)), ' +
    'pd.read_sql(query, con, params={...}), spark.sql(query, args={...}). For identifiers such as table names, use ' +
    'psycopg2.sql.Identifier or check them against an allow-list of known tables.',
  bad: [
    {
      file: 'etl/load_orders.py',
      code:
        'import psycopg2\n\n\n' +
        'def delete_partition(dsn: str, table: str, ds: str) -> None:\n' +
        '    conn = psycopg2.connect(dsn)\n' +
        '    with conn, conn.cursor() as cur:\n' +
        '        cur.execute(f"DELETE FROM {table} WHERE ds = \'{ds}\'")\n',
    },
    {
      file: 'etl/extract.py',
      code:
        'import pandas as pd\n\n\n' +
        'def extract_customers(engine, countries: list[str]):\n' +
        '    query = "SELECT id, email, country FROM customers WHERE country IN (\'%s\')" % "\',\'".join(countries)\n' +
        '    return pd.read_sql(query, engine)\n',
    },
    {
      file: 'etl/spark_filter.py',
      code:
        'from pyspark.sql import SparkSession\n\n' +
        'spark = SparkSession.builder.appName("daily-events").getOrCreate()\n\n\n' +
        'def events_for(source: str, ds: str):\n' +
        '    return spark.sql("SELECT * FROM raw.events WHERE source = \'" + source + "\' AND ds = \'" + ds + "\'")\n',
    },
  ],
  good: [
    {
      file: 'etl/load_orders.py',
      code:
        'import psycopg2\n' +
        'from psycopg2 import sql\n\n\n' +
        'def delete_partition(dsn: str, table: str, ds: str) -> None:\n' +
        '    conn = psycopg2.connect(dsn)\n' +
        '    with conn, conn.cursor() as cur:\n' +
        '        cur.execute(sql.SQL("DELETE FROM {} WHERE ds = %s").format(sql.Identifier(table)), (ds,))\n',
    },
    {
      file: 'etl/extract.py',
      code:
        'import pandas as pd\n\n' +
        'QUERY = "SELECT id, email, country FROM customers WHERE country = ANY(%(countries)s)"\n\n\n' +
        'def extract_customers(engine, countries: list[str]):\n' +
        '    return pd.read_sql(QUERY, engine, params={"countries": countries})\n',
    },
  ],
  bandit: ['B608', 'B610', 'B611'],
  references: [
    'https://peps.python.org/pep-0249/#id15',
    'https://www.psycopg.org/docs/usage.html#the-problem-with-the-query-parameters',
    'https://cwe.mitre.org/data/definitions/89.html',
  ],
  onCall(call, ctx) {
    const started = calls(call, SUBPROCESS_RUNNERS) || calls(call, ARGV_RUNNERS) ? startedProgram(call) : undefined;
    for (const query of started ? clientQuery(ctx, started.program, started.args) : []) {
      reportDynamic(ctx, call, query, { message: (how) => `${calleeLabel(call)} starts a database client with a query ${how}; values spliced into its text can rewrite the statement`, unknownSeverity: 'medium' });
    }
    // A plain variable there is usually a table name: only a query built in place is reported.
    for (const jdbc of sparkJdbcQuery(call, (n) => ctx.constantOf(n)).filter((q) => ctx.kindOf(q) === 'formatted')) {
      reportDynamic(ctx, call, jdbc, { message: (how) => `${calleeLabel(call)} sends the database a query ${how} (Spark JDBC); values spliced into its text can rewrite the statement` });
    }
    // extra()'s fragments are often column names held in variables: only SQL built in place is reported.
    for (const fragment of call.method === 'extra' && receiverMatches(call, DJANGO_QUERYSET) ? extraFragments(call).filter((f) => ctx.kindOf(f) === 'formatted') : []) {
      reportDynamic(ctx, call, fragment, { message: (how) => `${calleeLabel(call)} puts SQL ${how} into the query (Django QuerySet.extra); values spliced into its text can rewrite the statement` });
    }
    const found = sinkOf(call);
    if (!found) return;
    const { sink, known } = found;
    const query = call.positional[0] ?? sink.queryKeywords.map((k) => call.keywords.get(k)).find(Boolean);
    if (!query) return;
    const kind = ctx.kindOf(query);
    if (kind === 'unknown' && (!known || hasParams(call, sink) || isComposed(ctx, query))) return;
    reportDynamic(ctx, call, query, {
      message: (how) => `${calleeLabel(call)} runs a SQL query ${how}; values spliced into its text can rewrite the statement`,
      unknownSeverity: 'medium',
    });
  },
};

function sinkOf(call: CallSite): { sink: QuerySink; known: boolean } | undefined {
  const name = call.name ?? '';
  const named = NAMED_SINKS.get(name);
  if (named) return { sink: named, known: true };
  if (call.method === undefined) return undefined;
  const receiver = name.slice(0, -(call.method.length + 1));
  if (HOOK_SQL_METHODS.includes(call.method) && isSqlHook(receiver)) return { sink: HOOK, known: true };
  if (AWS_SQL_METHODS.includes(call.method) && receiver.startsWith('boto3.')) return { sink: AWS_SQL, known: true };
  if (call.method === 'raw' && receiverMatches(call, DJANGO_QUERYSET)) return { sink: DJANGO_RAW, known: true };
  const known = DATABASE_MODULES.some((m) => receiver === m || receiver.startsWith(`${m}.`)) && !PANDAS_FRAME.test(receiver);
  const sink = METHOD_SINKS.get(call.method) ?? (known ? HANDLE_METHOD_SINKS.get(call.method) : undefined);
  return sink && { sink, known };
}

/** The SQL fragments of a QuerySet.extra() call: the items of its where, tables and order_by lists, the values of its select mapping. */
function extraFragments(call: CallSite): SyntaxNode[] {
  return DJANGO_EXTRA_SQL.flatMap((keyword) => {
    const value = call.keywords.get(keyword);
    if (!value) return [];
    if (value.type === 'dictionary') return value.namedChildren.flatMap((pair) => (pair.type === 'pair' ? [pair.childForFieldName('value')!] : []));
    return sequenceItems(value) ?? [value];
  });
}

/** Bound parameters, or splats that may carry them. */
function hasParams(call: CallSite, sink: QuerySink): boolean {
  const positional = sink.paramsIndex !== undefined && call.positional.length > sink.paramsIndex;
  return positional || sink.paramsKeywords.some((k) => call.keywords.has(k)) || call.hasSplat;
}

function isComposed(ctx: PythonContext, query: SyntaxNode): boolean {
  const name = ctx.nameOf(query);
  return name !== undefined && COMPOSED_QUERIES.some((prefix) => name.startsWith(prefix));
}
