import { AIRFLOW_SHELL_OPERATORS, AIRFLOW_SQL_OPERATORS, CONTAINER_OPERATORS } from '../airflow-templated-operators.js';
import { XML_PARSE_CALLS } from '../xml-parsers.js';
import { HTTP_CLIENTS, REQUEST_URL } from '../rules/http-clients.js';
import { SAFE_MARKUP_CALLS } from '../rules/markup-unescaped.js';
import { ARGV_RUNNERS, SUBPROCESS_RUNNERS } from '../rules/shell.js';
import { argument, type CallSite } from '../call-site.js';
import type { SyntaxNode } from '../parser.js';
import type { Constant, ValueClassifier } from '../values.js';

/**
 * Dangerous sinks and data writes. Each row names the taint rule (family) it belongs to — or
 * `write` for plain outputs, which matter only to lineage — the calls it matches and which of
 * their arguments must not carry untrusted data.
 */
export type SinkFamily =
  | 'sql-injection'
  | 'command-injection'
  | 'code-injection'
  | 'deserialization'
  | 'path-traversal'
  | 'ssrf'
  | 'xxe'
  | 'template-injection'
  | 'html-injection'
  | 'regex-injection'
  | 'format-string'
  | 'dynamic-import'
  | 'formula-injection'
  | 'credential-logging'
  | 'write';

export type SinkKind = 'file' | 'table' | 'bucket' | 'api' | 'queue' | 'command' | 'eval' | 'template' | 'log' | 'import' | 'regex' | 'xml';

/**
 * An argument by position or keyword; `receiver` is the object a method is called on;
 * `shell-script` the command of a shell an argv starts with -c (`["bash", "-c", cmd]`), or the
 * remote command of an ssh it starts (see `startedProgram` and `containerArgv` for where each API
 * takes its argv); `client-query` the SQL a database client such an argv starts runs (`psql -c SQL`);
 * `jdbc-query` the SQL a Spark JDBC reader or writer sends (see `sparkJdbcQuery`).
 */
export type SinkArg = { index: number; keyword: string } | 'receiver' | 'all' | 'shell-script' | 'client-query' | 'jdbc-query';

export interface SinkSpec {
  family: SinkFamily;
  kind: SinkKind;
  names?: readonly string[];
  methods?: readonly string[];
  /** Receivers the methods must resolve under; any receiver when absent. */
  under?: readonly string[];
  /** Receivers known to be something else, whose methods of the same name do not match. */
  notUnder?: readonly string[];
  args: readonly SinkArg[];
  /** What the call does with the argument, for messages and traces. */
  does: string;
  /**
   * Only where the first argument names one of these (lower-cased): the magic that
   * `get_ipython().run_line_magic(name, …)` runs, the option Spark's `option(key, value)` sets.
   */
  namedBy?: { keyword: string; names: readonly string[] };
  /** Only when this keyword is given a true value (`shell=True`). */
  whenTrue?: string;
  /** Not when this keyword is given a true value (`weights_only=True`). */
  unlessTrue?: string;
  /** Only when this keyword is given a false value (`escape=False`). */
  whenFalse?: string;
  /** Only where the call passes something other than a literal: an object whose attributes the call may read. */
  objectsPassed?: true;
  /** Only where the PyYAML loader the call uses builds arbitrary objects (Loader=yaml.Loader, or none before PyYAML 6). */
  unsafeYamlLoader?: true;
  /** Only for `open()`-style calls whose mode (argument 1 or `mode=`) writes. */
  writeMode?: boolean;
  /**
   * The call only builds a path and touches no file: written straight into a message (a log or
   * print argument, an f-string) its value is text, not a path.
   */
  buildsOnly?: boolean;
  /**
   * The API takes no more positional arguments than this: a call with more is another API of the
   * same name (`backend.query(name, key, op, values)` is no `DataFrame.query(expr)`).
   */
  maxPositional?: number;
  /** Only where the call's result is called at once (`getattr(obj, name)(…)`): what it returns is then code that runs. */
  calledAtOnce?: true;
  /** Only where the method's receiver, as its call chain names it, matches: a Django queryset (`Model.objects…`), a Spark reader or writer. */
  receiver?: RegExp;
  /** The call is itself an ingestion point (a reader given a path), which lineage records as a source: as a sink it adds no lineage node. */
  ingests?: true;
  /**
   * Arguments that are objects of these kinds were judged where they were built: `urlopen(req)`
   * of a `Request(url, headers=…)` whose URL the Request sink checked; a token in its headers is no URL.
   */
  checkedWhenBuilt?: readonly string[];
  /**
   * Only an argument that may be text counts: a Spark Column expression (`F.col("c") == v`,
   * `df.c.isin(v)`) carries values as parameters, not as SQL text.
   */
  textOnly?: true;
  /** Only an argument that may be a path or URL counts: a stream handed over (an open file, a buffer, an object or response body) is read where it is, not fetched. */
  pathOnly?: true;
  /** Nor does a document's own text (a response's `.text`, a file's `.read()`, `json.dumps(…)`), which readers that also take literal documents parse instead of fetching. */
  notDocumentText?: true;
  /** A tar extraction, harmless when given a checking `filter=` ("data", "tar", a function). */
  filtered?: true;
  /** Where the call names its dataset, for lineage. */
  dataset?: { index: number; keyword: string };
}

const FIRST = (keyword: string) => ({ index: 0, keyword });
/** What a variable holding `urllib.request.Request(url, …)` resolves to: its URL is judged where it is built. */
export const URLLIB_REQUEST_OBJECT = 'urllib.request.Request()';
/** Database drivers and warehouse clients: their handles run SQL and return rows. */
export const DB_MODULES = [
  'sqlite3',
  'psycopg2',
  'psycopg',
  'pymysql',
  'MySQLdb',
  'mysql.connector',
  'pyodbc',
  'pymssql',
  'cx_Oracle',
  'oracledb',
  'snowflake.connector',
  'databricks.sql',
  'redshift_connector',
  'trino',
  'clickhouse_connect',
  'google.cloud.bigquery',
  'duckdb',
  'sqlalchemy',
];
/** AWS APIs that run SQL or PartiQL they are given: Athena, the Redshift and RDS Data APIs, DynamoDB. */
const SQL_MAGIC = { keyword: 'magic_name', names: ['sql'] };
/** Libraries whose `from_pretrained` loads a Hugging Face Hub repository. */
export const HUB_LIBRARIES = ['transformers.', 'diffusers.', 'sentence_transformers.'];
/** Spark JDBC options whose text reaches the database: `query`, and `dbtable`, which may be `(SELECT …) t`. */
const JDBC_SQL_OPTIONS = ['query', 'dbtable'];
export const AWS_SQL_METHODS = ['start_query_execution', 'execute_statement', 'batch_execute_statement'];
/** Where those take the statement (keywords only, as boto3 clients are called). */
export const AWS_SQL_KEYWORDS = ['QueryString', 'Sql', 'Sqls', 'sql', 'Statement', 'Statements'];
/** Airflow providers whose hooks are DB-API hooks (run, get_records… take SQL); HttpHook.run takes an endpoint. */
export const SQL_HOOK_MODULES = [
  'airflow.providers.common.sql',
  'airflow.providers.postgres',
  'airflow.providers.mysql',
  'airflow.providers.sqlite',
  'airflow.providers.microsoft.mssql',
  'airflow.providers.oracle',
  'airflow.providers.snowflake',
  'airflow.providers.trino',
  'airflow.providers.presto',
  'airflow.providers.jdbc',
  'airflow.providers.odbc',
  'airflow.providers.amazon.aws.hooks.redshift_sql',
  'airflow.hooks.postgres_hook',
  'airflow.hooks.mysql_hook',
];
/** DB-API hook methods that take SQL. */
export const HOOK_SQL_METHODS = ['run', 'get_records', 'get_first', 'get_pandas_df', 'get_df'];
/** A Django model manager or a queryset it made: `Event.objects`, `Event.objects.filter(…)`. */
export const DJANGO_QUERYSET = /(?:^|\.)objects(?:\.|$)/;
/** A Spark reader as a call chain names it: `spark.read`, `spark.readStream.format("kafka").option(…)`, on a session however it was built. */
export const SPARK_READER_CHAIN = String.raw`(?:^|\.)(?:read|readStream)(?:\.(?:format|option|options|schema)\(\))*`;
const SPARK_READER = new RegExp(`${SPARK_READER_CHAIN}$`);
/** A Spark writer as a call chain names it: `df.write`, `df.write.mode("overwrite").partitionBy("ds")`, `df.writeStream.format(…)`. */
const SPARK_WRITER = /(?:^|\.)(?:write|writeStream)(?:\.(?:mode|format|option|options|partitionBy|bucketBy|sortBy|outputMode|trigger|queryName)\(\))*$/;
/** The file formats Spark reads and writes by method name: `read.parquet(p)`, `write.csv(p)`. */
const SPARK_FILE_FORMATS = ['parquet', 'csv', 'json', 'orc', 'text'];
/** pandas and polars writers by the name of their path parameter. */
const FRAME_WRITERS: readonly { methods: readonly string[]; keyword: string }[] = [
  { methods: ['to_csv', 'to_json', 'to_hdf'], keyword: 'path_or_buf' },
  { methods: ['to_parquet', 'to_feather', 'to_orc', 'to_pickle', 'to_stata'], keyword: 'path' },
  { methods: ['to_excel'], keyword: 'excel_writer' },
  { methods: ['to_xml'], keyword: 'path_or_buffer' },
  { methods: ['write_csv', 'write_parquet', 'write_json', 'write_ndjson', 'write_ipc', 'write_avro'], keyword: 'file' },
];
/** A pandas Styler (`df.style`, `df.style.highlight_max()`) with no `format()` in its chain, which alone can turn on escaping. */
const UNESCAPING_STYLER = /(?:^|\.)style(?:\.(?!format\(\))\w+\(\))*$/;
/** Django's RawSQL expression, whose SQL is sent as written. */
export const DJANGO_RAW_SQL = ['django.db.models.expressions.RawSQL', 'django.db.models.RawSQL'];
/** QuerySet.extra() arguments whose items are SQL fragments. */
export const DJANGO_EXTRA_SQL = ['where', 'select', 'tables', 'order_by'];

/** Readers that open a URL given as their path (pandas through urllib and fsspec, polars through its object store), by the name of that parameter. */
const URL_READERS: readonly { names: readonly string[]; keyword: string }[] = [
  { names: ['read_csv', 'read_table', 'read_fwf', 'read_stata', 'read_sas'].map((f) => `pandas.${f}`), keyword: 'filepath_or_buffer' },
  { names: ['read_parquet', 'read_feather', 'read_orc'].map((f) => `pandas.${f}`), keyword: 'path' },
  { names: ['pandas.read_excel'], keyword: 'io' },
  { names: ['read_csv', 'read_parquet', 'read_ipc', 'read_excel', 'scan_csv', 'scan_parquet', 'scan_ipc'].map((f) => `polars.${f}`), keyword: 'source' },
];
/** Readers that take a URL or path but also the document's own text (pandas deprecated the latter in 2.1), by the name of that parameter. */
const URL_OR_DOCUMENT_READERS: readonly { names: readonly string[]; keyword: string }[] = [
  { names: ['pandas.read_json'], keyword: 'path_or_buf' },
  { names: ['pandas.read_html'], keyword: 'io' },
  { names: ['pandas.read_xml'], keyword: 'path_or_buffer' },
];
/** Functions that open, move, copy, delete or re-permission the files their arguments name (Flask's send_file serves one). */
const PATH_FUNCTIONS = [
  ...['builtins.open', 'io.open', 'codecs.open', 'gzip.open', 'bz2.open', 'lzma.open'],
  ...['os.remove', 'os.unlink', 'os.rmdir', 'os.removedirs', 'os.rename', 'os.replace', 'os.chmod'],
  ...['shutil.rmtree', 'shutil.copy', 'shutil.copy2', 'shutil.copyfile', 'shutil.copytree', 'shutil.move'],
  'flask.send_file',
];
const LOGGING = ['logging'];
const LOG_METHODS = ['debug', 'info', 'warning', 'warn', 'error', 'critical', 'exception', 'log'];

export const SINKS: readonly SinkSpec[] = [
  { family: 'sql-injection', kind: 'table', names: ['sqlalchemy.text', 'sqlalchemy.sql.text', 'duckdb.sql', 'duckdb.query', 'duckdb.execute'], args: [FIRST('query')], does: 'runs as SQL' },
  { family: 'sql-injection', kind: 'table', names: ['pandas.read_sql', 'pandas.read_sql_query', 'polars.read_database'], args: [FIRST('sql')], does: 'runs as SQL' },
  { family: 'sql-injection', kind: 'table', methods: ['execute', 'executemany', 'executescript', 'exec_driver_sql', 'sql'], args: [FIRST('query')], does: 'runs as SQL' },
  { family: 'sql-injection', kind: 'table', methods: ['query'], under: DB_MODULES, args: [FIRST('query')], does: 'runs as SQL' },
  // COPY statements: psycopg2's copy_expert(sql, file), psycopg 3's cursor.copy(statement).
  { family: 'sql-injection', kind: 'table', methods: ['copy_expert'], args: [FIRST('sql')], does: 'runs as SQL (COPY)' },
  { family: 'sql-injection', kind: 'table', methods: ['copy'], under: ['psycopg'], args: [FIRST('statement')], does: 'runs as SQL (COPY)' },
  { family: 'sql-injection', kind: 'table', methods: AWS_SQL_METHODS, under: ['boto3'], args: AWS_SQL_KEYWORDS.map((keyword) => ({ index: -1, keyword })), does: 'runs as SQL (Athena, Redshift or RDS Data API, DynamoDB PartiQL)' },
  { family: 'sql-injection', kind: 'table', methods: HOOK_SQL_METHODS, under: SQL_HOOK_MODULES, args: [FIRST('sql')], does: 'runs as SQL' },
  ...AIRFLOW_SQL_OPERATORS.map(({ names, field }): SinkSpec => {
    const sql = { index: -1, keyword: field };
    return { family: 'sql-injection', kind: 'table', names, args: [sql], dataset: sql, does: 'is rendered by Airflow and run as SQL' };
  }),
  // Django's raw-SQL escape hatches: Manager.raw(), RawSQL expressions and QuerySet.extra()'s SQL fragments.
  { family: 'sql-injection', kind: 'table', names: DJANGO_RAW_SQL, args: [FIRST('sql')], does: 'runs as SQL' },
  { family: 'sql-injection', kind: 'table', methods: ['raw'], receiver: DJANGO_QUERYSET, args: [FIRST('raw_query')], does: 'runs as SQL' },
  { family: 'sql-injection', kind: 'table', methods: ['extra'], receiver: DJANGO_QUERYSET, args: DJANGO_EXTRA_SQL.map((keyword) => ({ index: -1, keyword })), does: 'is put into the SQL text of the query' },
  // Spark's JDBC source (and the BigQuery and Snowflake connectors' query option) sends a query, or a table that may be a parenthesised subquery, to the database as SQL text.
  { family: 'sql-injection', kind: 'table', methods: ['jdbc', 'option', 'options'], args: ['jdbc-query'], dataset: { index: 1, keyword: 'dbtable' }, does: 'is sent to the database as SQL (a query, or a table that may be a subquery)' },
  // Spark parses text conditions and expressions as SQL: `df.filter("c = '" + v + "'")`, `df.selectExpr(e)`, `F.expr(e)`.
  { family: 'sql-injection', kind: 'eval', names: ['pyspark.sql.functions.expr'], args: [FIRST('str')], does: 'is parsed as a Spark SQL expression' },
  { family: 'sql-injection', kind: 'eval', methods: ['selectExpr'], args: ['all'], does: 'is parsed as a Spark SQL expression' },
  // A receiver of unknown type (a DataFrame parameter) may be Spark's; pandas', numpy's and polars' take no SQL text.
  { family: 'sql-injection', kind: 'eval', methods: ['filter', 'where'], notUnder: ['pandas', 'numpy', 'polars'], maxPositional: 1, args: [FIRST('condition')], textOnly: true, does: 'is parsed as a Spark SQL condition' },
  { family: 'command-injection', kind: 'command', names: ['os.system', 'os.popen', 'asyncio.create_subprocess_shell', 'commands.getoutput', 'subprocess.getoutput', 'subprocess.getstatusoutput'], args: [FIRST('command')], does: 'runs as a shell command' },
  // What a notebook's `!cmd` and `x = !cmd` run (see the notebook analyzer's magics).
  { family: 'command-injection', kind: 'command', names: ['builtins.get_ipython().system', 'builtins.get_ipython().getoutput'], args: [FIRST('cmd')], does: 'runs as a shell command' },
  // What a notebook's `%sql` and `%%sql` queries with Python values spliced in run (jupysql, ipython-sql).
  { family: 'sql-injection', kind: 'eval', names: ['builtins.get_ipython().run_line_magic'], namedBy: SQL_MAGIC, args: [{ index: 1, keyword: 'line' }], does: 'runs as SQL (%sql)' },
  { family: 'sql-injection', kind: 'eval', names: ['builtins.get_ipython().run_cell_magic'], namedBy: SQL_MAGIC, args: [{ index: 2, keyword: 'cell' }], does: 'runs as SQL (%%sql)' },
  { family: 'command-injection', kind: 'command', names: SUBPROCESS_RUNNERS, args: [FIRST('args')], whenTrue: 'shell', does: 'runs as a shell command (shell=True)' },
  { family: 'command-injection', kind: 'command', names: [...SUBPROCESS_RUNNERS, ...ARGV_RUNNERS], args: ['shell-script'], does: 'runs as a shell command (a shell started with -c, or a remote command over ssh)' },
  { family: 'command-injection', kind: 'command', names: CONTAINER_OPERATORS, args: ['shell-script'], does: 'is rendered by Airflow and run by a shell in the container' },
  { family: 'sql-injection', kind: 'eval', names: [...SUBPROCESS_RUNNERS, ...ARGV_RUNNERS, ...CONTAINER_OPERATORS], args: ['client-query'], does: 'runs as SQL (the query option of a database client: psql -c, mysql -e, …)' },
  ...AIRFLOW_SHELL_OPERATORS.map(({ names, field }): SinkSpec => ({ family: 'command-injection', kind: 'command', names, args: [{ index: -1, keyword: field }], does: 'is rendered by Airflow and run as a shell command' })),
  { family: 'code-injection', kind: 'eval', names: ['builtins.eval', 'builtins.exec', 'builtins.compile', 'pandas.eval'], args: [FIRST('source')], does: 'runs as code' },
  // A receiver of unknown type may be a DataFrame; one resolved to a driver or Tk is not (its query is SQL, its eval Tcl).
  // DataFrame.eval and .query take the expression as their only positional argument.
  { family: 'code-injection', kind: 'eval', methods: ['eval', 'query'], notUnder: [...DB_MODULES, ...SQL_HOOK_MODULES, 'tkinter'], maxPositional: 1, args: [FIRST('expr')], does: 'is evaluated as an expression (DataFrame.eval and .query can run Python)' },
  { family: 'deserialization', kind: 'file', names: ['pickle.load', 'pickle.loads', 'marshal.load', 'marshal.loads', 'dill.load', 'dill.loads', 'cloudpickle.load', 'cloudpickle.loads', 'joblib.load', 'pandas.read_pickle', 'yaml.unsafe_load', 'yaml.unsafe_load_all', 'yaml.full_load', 'yaml.full_load_all', 'jsonpickle.decode', 'shelve.open'], args: [FIRST('file')], does: 'is deserialised, which can run code' },
  { family: 'deserialization', kind: 'file', names: ['yaml.load', 'yaml.load_all'], args: [FIRST('stream')], unsafeYamlLoader: true, does: 'is parsed by PyYAML with a loader that builds arbitrary objects from tags' },
  { family: 'deserialization', kind: 'file', names: ['numpy.load'], args: [FIRST('file')], whenTrue: 'allow_pickle', does: 'is deserialised with allow_pickle=True, which can run code' },
  // weights_only=True loads tensors through a restricted unpickler (PyTorch 2.6 made it the default; see the torch-load rule).
  { family: 'deserialization', kind: 'file', names: ['torch.load'], args: [FIRST('f')], unlessTrue: 'weights_only', does: 'is deserialised, which can run code' },
  // A Hub repository loaded with trust_remote_code=True brings Python modules that run on load.
  { family: 'code-injection', kind: 'import', methods: ['from_pretrained'], under: HUB_LIBRARIES, args: [FIRST('pretrained_model_name_or_path')], whenTrue: 'trust_remote_code', does: 'names the Hub repository whose Python code runs (trust_remote_code=True)' },
  { family: 'code-injection', kind: 'import', names: ['datasets.load_dataset'], args: [FIRST('path')], whenTrue: 'trust_remote_code', does: "names the Hub dataset whose loading script runs (trust_remote_code=True)" },
  { family: 'path-traversal', kind: 'file', names: PATH_FUNCTIONS, args: ['all'], does: 'is used as a file path' },
  { family: 'path-traversal', kind: 'file', names: ['os.path.join', 'pathlib.Path'], args: ['all'], does: 'is used as a file path', buildsOnly: true },
  // Spark reads and writes, and frame writers, go wherever the path points: any URI the job's credentials reach (s3a, gs, abfss, hdfs, file).
  // A stream's start(path) begins its write.
  { family: 'path-traversal', kind: 'file', methods: [...SPARK_FILE_FORMATS, 'load'], receiver: SPARK_READER, args: [FIRST('path')], ingests: true, does: "is read by Spark wherever it points (any URI the job's credentials reach: s3a, gs, abfss, hdfs, file)" },
  { family: 'path-traversal', kind: 'file', methods: [...SPARK_FILE_FORMATS, 'save', 'start'], receiver: SPARK_WRITER, args: [FIRST('path')], does: "is where Spark writes (any URI the job's credentials reach), replacing what is there in overwrite mode" },
  ...FRAME_WRITERS.map(({ methods, keyword }): SinkSpec => ({ family: 'path-traversal', kind: 'file', methods, notUnder: ['numpy'], args: [FIRST(keyword)], does: 'is the path the frame is written to' })),
  { family: 'path-traversal', kind: 'file', names: ['shutil.unpack_archive'], args: [FIRST('filename')], filtered: true, does: 'is unpacked, and its member names become paths' },
  // zipfile strips ../ and leading slashes from member names itself; tarfile only with a filter.
  { family: 'path-traversal', kind: 'file', methods: ['extractall', 'extract'], under: ['tarfile'], args: ['receiver'], filtered: true, does: 'is extracted, and its member names become paths' },
  { family: 'ssrf', kind: 'api', names: [...['requests', 'httpx'].flatMap((m) => ['get', 'post', 'put', 'patch', 'delete', 'head'].map((v) => `${m}.${v}`)), 'urllib.request.urlretrieve', 'urllib.request.Request'], args: [FIRST('url')], does: 'is fetched as a URL' },
  { family: 'ssrf', kind: 'api', names: ['requests.request', 'httpx.request', 'httpx.stream', 'urllib3.request', 'aiohttp.request'], args: [REQUEST_URL], does: 'is fetched as a URL' },
  { family: 'ssrf', kind: 'api', names: ['urllib.request.urlopen'], args: [FIRST('url')], checkedWhenBuilt: [URLLIB_REQUEST_OBJECT], does: 'is fetched as a URL' },
  { family: 'ssrf', kind: 'api', methods: ['get', 'post', 'put', 'patch', 'delete', 'head'], under: HTTP_CLIENTS, args: [FIRST('url')], does: 'is fetched as a URL' },
  { family: 'ssrf', kind: 'api', methods: ['request', 'urlopen', 'stream'], under: HTTP_CLIENTS, args: [REQUEST_URL], does: 'is fetched as a URL' },
  // fsspec and smart_open open whatever their URL names: http(s), ftp, s3/gcs/abfs buckets, local files.
  { family: 'ssrf', kind: 'api', names: ['fsspec.open', 'fsspec.open_files', 'fsspec.open_local', 'smart_open.open', 'smart_open.smart_open'], args: [FIRST('urlpath')], does: 'is opened as a URL of any scheme (http, ftp, s3, file)' },
  // pandas and polars readers fetch a path that is a URL themselves; read_json, read_html and read_xml unless they are handed the document's text, which is where a response body usually goes.
  ...URL_READERS.map(({ names, keyword }): SinkSpec => ({ family: 'ssrf', kind: 'api', names, args: [FIRST(keyword)], pathOnly: true, ingests: true, does: 'is read from wherever it points (a URL of any scheme: http, ftp, s3, file)' })),
  ...URL_OR_DOCUMENT_READERS.map(({ names, keyword }): SinkSpec => ({ family: 'ssrf', kind: 'api', names, args: [FIRST(keyword)], pathOnly: true, notDocumentText: true, ingests: true, does: 'is read from wherever it points (a URL of any scheme: http, ftp, s3, file)' })),
  { family: 'xxe', kind: 'xml', names: XML_PARSE_CALLS, args: [FIRST('source')], does: 'is parsed as XML with entity expansion' },
  { family: 'template-injection', kind: 'template', names: ['jinja2.Template', 'flask.render_template_string', 'mako.template.Template'], args: [FIRST('source')], does: 'is compiled as a template' },
  { family: 'template-injection', kind: 'template', methods: ['from_string'], under: ['jinja2'], args: [FIRST('source')], does: 'is compiled as a template' },
  // Ingested text as a format string: `{cfg.__init__.__globals__[SECRET]}` reads through the objects passed (CWE-134); a DataFrame's Styler.format is no such method.
  { family: 'format-string', kind: 'template', methods: ['format', 'format_map'], notUnder: ['pandas', 'polars', 'numpy'], args: ['receiver'], objectsPassed: true, does: 'is used as a str.format template, whose {arg.attr} fields read attributes of what is passed' },
  // Text marked as safe markup, or shown as HTML by a dashboard or notebook, reaches the reader's browser unescaped.
  { family: 'html-injection', kind: 'template', names: SAFE_MARKUP_CALLS, args: [FIRST('base')], does: 'is marked as safe HTML and inserted unescaped' },
  { family: 'html-injection', kind: 'template', names: ['IPython.display.HTML', 'IPython.core.display.HTML'], args: [FIRST('data')], does: 'is displayed as HTML in the notebook, scripts included' },
  { family: 'html-injection', kind: 'template', names: ['streamlit.components.v1.html'], args: [FIRST('html')], does: "is rendered as HTML in the dashboard, in a frame that shares the app's origin" },
  { family: 'html-injection', kind: 'template', methods: ['markdown', 'write', 'caption'], under: ['streamlit'], args: ['all'], whenTrue: 'unsafe_allow_html', does: 'is rendered as HTML in the dashboard (unsafe_allow_html=True)' },
  { family: 'html-injection', kind: 'template', names: ['dash.dcc.Markdown', 'dash_core_components.Markdown'], args: [FIRST('children')], whenTrue: 'dangerously_allow_html', does: 'is rendered as HTML in the dashboard (dangerously_allow_html=True)' },
  { family: 'html-injection', kind: 'template', methods: ['to_html'], notUnder: ['polars', 'numpy'], args: ['receiver'], whenFalse: 'escape', does: 'is written into an HTML table without escaping (escape=False)' },
  { family: 'html-injection', kind: 'template', methods: ['to_html', 'render'], receiver: UNESCAPING_STYLER, args: ['receiver'], does: 'is written into HTML by a pandas Styler, which leaves cell text unescaped unless format(escape="html") asks' },
  { family: 'template-injection', kind: 'template', methods: ['render'], under: ['jinja2.Template()', 'jinja2.Environment(', 'jinja2.Environment()'], args: ['all'], does: 'is rendered into markup without escaping' },
  { family: 'regex-injection', kind: 'regex', names: ['re.compile', 're.match', 're.search', 're.fullmatch', 're.findall', 're.finditer', 're.sub', 're.subn', 're.split', 'regex.compile', 'regex.match', 'regex.search'], args: [FIRST('pattern')], does: 'is compiled as a regular expression' },
  { family: 'dynamic-import', kind: 'import', names: ['importlib.import_module', 'builtins.__import__', 'pydoc.locate'], args: [FIRST('name')], does: 'names the module imported' },
  { family: 'dynamic-import', kind: 'import', names: ['builtins.getattr'], calledAtOnce: true, args: [{ index: 1, keyword: 'name' }], does: 'names the attribute looked up and called' },
  { family: 'formula-injection', kind: 'file', methods: ['to_csv', 'to_excel'], args: ['receiver'], does: 'is written to a spreadsheet-readable file' },
  { family: 'formula-injection', kind: 'file', methods: ['writerow', 'writerows'], under: ['csv.writer()', 'csv.DictWriter()'], args: [FIRST('row')], does: 'is written to a CSV file' },
  { family: 'credential-logging', kind: 'log', names: LOG_METHODS.map((m) => `logging.${m}`), args: ['all'], does: 'is written to the log' },
  { family: 'credential-logging', kind: 'log', methods: LOG_METHODS, under: LOGGING, args: ['all'], does: 'is written to the log' },
  // A job's standard output and error are its log: Airflow, cron and container runtimes keep them.
  { family: 'credential-logging', kind: 'log', names: ['builtins.print'], args: ['all'], does: 'is printed to the output, which the scheduler keeps as the task log' },
  { family: 'credential-logging', kind: 'log', methods: ['write', 'writelines'], under: ['sys.stdout', 'sys.stderr'], args: [FIRST('s')], does: 'is printed to the output, which the scheduler keeps as the task log' },
  { family: 'write', kind: 'file', methods: ['to_parquet', 'to_json', 'to_feather', 'to_orc', 'to_pickle', 'write_parquet', 'write_csv'], args: ['receiver'], does: 'is written to a file', dataset: { index: 0, keyword: 'path' } },
  { family: 'write', kind: 'table', methods: ['to_sql', 'to_gbq', 'saveAsTable', 'insertInto'], args: ['receiver'], does: 'is written to a table', dataset: { index: 0, keyword: 'name' } },
  { family: 'write', kind: 'file', methods: [...SPARK_FILE_FORMATS, 'save'], receiver: SPARK_WRITER, args: ['receiver'], does: 'is written by Spark', dataset: { index: 0, keyword: 'path' } },
  { family: 'write', kind: 'bucket', methods: ['put_object', 'upload_file', 'upload_fileobj', 'upload_blob', 'upload_from_filename', 'upload_from_string'], args: ['all'], does: 'is uploaded', dataset: { index: -1, keyword: 'Key' } },
  { family: 'write', kind: 'queue', methods: ['send', 'produce', 'publish', 'put_record', 'put_records'], under: ['kafka', 'confluent_kafka', 'boto3', 'google.cloud.pubsub'], args: ['all'], does: 'is published' },
  { family: 'write', kind: 'file', names: ['builtins.open'], writeMode: true, args: [], does: 'is opened for writing', dataset: FIRST('file') },
];

/** Where a sink call names its dataset, when the sink does not say. */
export const DEFAULT_DATASET = { index: 0, keyword: '' };

/** The table keyed by callee name and by method, since every call of every file is looked up. */
const BY_NAME = indexBy((s) => s.names ?? []);
const BY_METHOD = indexBy((s) => s.methods ?? []);

function indexBy(keys: (spec: SinkSpec) => readonly string[]): Map<string, SinkSpec[]> {
  const index = new Map<string, SinkSpec[]>();
  for (const spec of SINKS) for (const key of keys(spec)) index.set(key, [...(index.get(key) ?? []), spec]);
  return index;
}

/**
 * The sinks a call is. Named sinks are module functions: `fromImport` says whether the callee's
 * name starts at an import (or a builtin), so that a loop variable called `regex` is no module.
 */
export function matchSinks(name: string, method: string | undefined, fromImport: boolean): SinkSpec[] {
  const named = fromImport ? (BY_NAME.get(name) ?? []) : [];
  const byMethod = method ? (BY_METHOD.get(method) ?? []).filter((s) => (!s.under || s.under.some((u) => name.startsWith(u))) && !s.notUnder?.some((u) => name.startsWith(u))) : [];
  return byMethod.length === 0 ? named : [...new Set([...named, ...byMethod])];
}

/** `open(path, mode)`: whether the mode (default "r") may write; a mode of unknown value counts as not writing. */
export function opensForWriting(call: CallSite, values: Pick<ValueClassifier, 'constantOf'>): boolean {
  const mode = argument(call, 1, 'mode');
  const value = mode ? values.constantOf(mode) : 'r';
  return typeof value === 'string' && /[wax+]/.test(value);
}

/** Whether a method's receiver, as the call chain names it, matches `pattern`. */
export function receiverMatches(call: CallSite, pattern: RegExp): boolean {
  return call.method !== undefined && pattern.test((call.name ?? '').slice(0, -(call.method.length + 1)));
}

/**
 * The SQL Spark's JDBC source sends (the BigQuery and Snowflake connectors' query option too): the
 * `query` or `dbtable` option, in any case, given to `option(key, value)` or `options(…)`, and the
 * table of `jdbc(url, table)`, which may be a parenthesised subquery.
 */
export function sparkJdbcQuery(call: CallSite, constantOf: (node: SyntaxNode) => Constant | undefined): SyntaxNode[] {
  const given = (node: SyntaxNode | undefined): SyntaxNode[] => (node ? [node] : []);
  if (call.method === 'jdbc') return given(argument(call, 1, 'table'));
  if (call.method === 'options') return JDBC_SQL_OPTIONS.flatMap((k) => given(call.keywords.get(k)));
  if (call.method !== 'option') return [];
  const key = argument(call, 0, 'key');
  const name = key ? constantOf(key) : undefined;
  return typeof name === 'string' && JDBC_SQL_OPTIONS.includes(name.toLowerCase()) ? given(argument(call, 1, 'value')) : [];
}
