import { HTTP_CLIENTS, REQUEST_URL } from '../rules/http-clients.js';
import { DB_MODULES, SPARK_READER_CHAIN, SQL_HOOK_MODULES } from './sinks.js';

/**
 * Ingestion points: where data that someone outside the pipeline may control enters it. The
 * table is data so that adding a source is one line; the engine matches calls and names
 * against it (see `matchSource`).
 */
export type SourceKind =
  | 'file'
  | 'table'
  | 'bucket'
  | 'api'
  | 'queue'
  | 'stdin'
  | 'env'
  | 'argv'
  | 'request'
  | 'airflow-conf'
  | 'download';

/** Sources only the person running the job controls. */
export const OPERATOR_SOURCES: ReadonlySet<string> = new Set<SourceKind>(['argv', 'env']);

export interface SourceSpec {
  kind: SourceKind;
  /** Resolved dotted names of the callees whose result is the data (`pandas.read_csv`). */
  names?: readonly string[];
  /**
   * Resolved dotted names whose value is the data where they are read (`sys.argv`). Callees are
   * not: `self.opener = urllib.request.urlopen` keeps a function, and reads nothing.
   */
  values?: readonly string[];
  /** Method names matched on any receiver, or on receivers resolving under one of `under`. */
  methods?: readonly string[];
  under?: readonly string[];
  /** Methods matched only on the result of one of these (`download_blob().readall()`). */
  after?: readonly string[];
  /**
   * Methods of a client object, never of the class itself: `self.get_object(...)` is the class's
   * own or inherited method (boto's AWSQueryConnection.get_object parses an API response), while
   * `self.s3.get_object(...)` is a client's. (`self.xcom_pull` is Airflow's own, so not every method.)
   */
  clientOnly?: true;
  /** Where the call names its dataset (a path, URL, table or bucket), for lineage. */
  dataset?: { index: number; keyword: string };
  /** The dataset is the table the receiver's query reads: rows fetched from `cur` after `cur.execute("SELECT … FROM t")`. */
  queried?: true;
  /** The dataset is the path the receiver, a file handle, was opened with (`with open("a.csv") as f: f.read()`). */
  opened?: true;
  /** Where the call names the key it reads (an environment variable), to spot credentials. */
  key?: { index: number; keyword: string };
  /**
   * The call parses what its first argument yields: given text already in memory (`io.StringIO(s)`,
   * `s.splitlines()`, a list) it reads no file, and the text's own origin is followed instead.
   */
  parsesArgument?: true;
  /**
   * The call parses text its first argument already holds (`json.loads(s)`): a literal is no
   * input, and text from an ingestion point is followed from that point; only text of unknown
   * origin makes the call an ingestion point of its own.
   */
  parsesText?: true;
}

const PATH = { index: 0, keyword: 'filepath_or_buffer' };
/** What `open()` and its relatives resolve to; iterating one also reads the file. */
export const FILE_HANDLES = ['builtins.open()', 'io.open()', 'codecs.open()', 'gzip.open()', 'bz2.open()'];
const URL = { index: 0, keyword: 'url' };

export const SOURCES: readonly SourceSpec[] = [
  {
    kind: 'file',
    names: ['pandas.read_csv', 'pandas.read_json', 'pandas.read_parquet', 'pandas.read_excel', 'pandas.read_html', 'pandas.read_xml', 'pandas.read_table', 'pandas.read_fwf', 'polars.read_csv', 'polars.read_parquet', 'polars.read_json'],
    dataset: PATH,
  },
  { kind: 'table', names: ['pandas.read_sql', 'pandas.read_sql_query', 'pandas.read_sql_table', 'pandas.read_gbq'], dataset: { index: 0, keyword: 'sql' } },
  // Rows fetched through a driver or an Airflow hook: whatever wrote the table wrote these (second-order injection).
  { kind: 'table', methods: ['fetchone', 'fetchall', 'fetchmany'], under: DB_MODULES, queried: true },
  { kind: 'table', methods: ['get_records', 'get_first', 'get_pandas_df', 'get_df'], under: SQL_HOOK_MODULES, dataset: { index: 0, keyword: 'sql' } },
  // A file handle is not data yet (pickle.load(fh) is the deserialisation rule's business); what is read from it is.
  { kind: 'file', methods: ['read', 'readline', 'readlines'], under: FILE_HANDLES, opened: true },
  { kind: 'file', methods: ['read_text', 'read_bytes'], under: ['pathlib'] },
  { kind: 'file', names: ['csv.reader', 'csv.DictReader'], parsesArgument: true },
  { kind: 'file', names: ['json.load'] },
  { kind: 'file', names: ['json.loads'], parsesText: true },
  {
    kind: 'api',
    names: ['requests.get', 'requests.post', 'requests.put', 'httpx.get', 'httpx.post', 'urllib.request.urlopen'],
    dataset: URL,
  },
  { kind: 'api', names: ['requests.request', 'httpx.request', 'urllib3.request', 'aiohttp.request'], dataset: REQUEST_URL },
  { kind: 'api', methods: ['get', 'post'], under: HTTP_CLIENTS, dataset: URL },
  { kind: 'api', methods: ['request'], under: HTTP_CLIENTS, dataset: REQUEST_URL },
  { kind: 'download', names: ['urllib.request.urlretrieve', 'wget.download'], dataset: URL },
  { kind: 'bucket', methods: ['get_object'], dataset: { index: -1, keyword: 'Key' }, clientOnly: true },
  { kind: 'download', methods: ['download_file', 'download_fileobj'], under: ['boto3'] },
  { kind: 'bucket', methods: ['download_as_text', 'download_as_bytes', 'download_as_string', 'download_blob', 'download_to_filename'], clientOnly: true },
  // Any binary stream has a readall(); an Azure blob download's is the blob.
  { kind: 'bucket', methods: ['readall'], after: ['download_blob'] },
  { kind: 'queue', names: ['kafka.KafkaConsumer', 'confluent_kafka.Consumer', 'aiokafka.AIOKafkaConsumer'] },
  { kind: 'queue', methods: ['poll', 'consume'], under: ['kafka', 'confluent_kafka', 'aiokafka'] },
  { kind: 'queue', methods: ['get_records'], under: ['boto3'] },
  { kind: 'queue', methods: ['pull', 'subscribe'], under: ['google.cloud.pubsub', 'google.cloud.pubsub_v1'] },
  { kind: 'queue', methods: ['receive_messages', 'receive_message'], under: ['boto3', 'azure'] },
  { kind: 'stdin', names: ['builtins.input'], values: ['sys.stdin'] },
  { kind: 'argv', names: ['argparse.ArgumentParser().parse_args', 'argparse.ArgumentParser().parse_known_args'], values: ['sys.argv'] },
  { kind: 'env', names: ['os.getenv', 'os.environ.get'], values: ['os.environ'], key: { index: 0, keyword: 'key' } },
  { kind: 'request', values: ['flask.request', 'bottle.request', 'werkzeug.local.request'] },
  { kind: 'airflow-conf', names: ['airflow.models.Variable.get', 'airflow.models.variable.Variable.get', 'airflow.sdk.Variable.get'], key: { index: 0, keyword: 'key' } },
  { kind: 'airflow-conf', methods: ['xcom_pull'] },
];

/** Subscript keys and attribute names that carry Airflow run configuration (`context["params"]`, `dag_run.conf`). */
export const AIRFLOW_CONTEXT_KEYS: ReadonlySet<string> = new Set(['params', 'dag_run', 'conf']);

/** Calls that hand each message they receive to a callback, with where they take the callback. */
export const MESSAGE_CALLBACKS: ReadonlyArray<{ method: string; under: readonly string[]; callback: { index: number; keyword: string } }> = [
  { method: 'subscribe', under: ['google.cloud.pubsub', 'google.cloud.pubsub_v1'], callback: { index: 1, keyword: 'callback' } },
];
/** What makes a function a Spark UDF, which Spark calls with the values of the columns it is applied to. */
export const SPARK_UDF = /^pyspark\.sql\.functions\.(?:udf|pandas_udf)$/;
/** An AWS Lambda entry point: its event (an S3 notification, an SQS batch, an API Gateway request) comes from outside. */
export const LAMBDA_HANDLER = /^(?:lambda_)?handler$|_handler$/;

/** Decorators whose functions receive HTTP request data in their parameters (FastAPI, Flask routes). */
export const ROUTE_DECORATOR = /\.(get|post|put|patch|delete|route|api_route|websocket)$/;
export const ROUTE_APPS = ['fastapi.', 'flask.', 'starlette.'];

/** Spark reads: `spark.read.csv(...)`, `spark.read.option("header", True).csv(...)`, `spark.readStream.format("json").load(...)`. */
export const SPARK_READ = new RegExp(String.raw`${SPARK_READER_CHAIN}\.(?:csv|json|parquet|orc|text|table|load|jdbc)$`);

/** Names of keys and parameters that hold credentials, for the credential-logging rule. */
export const CREDENTIAL_NAME = /pass(word|wd)?|secret|token|api_?key|private_?key|credential/i;

/** A method called on the class itself: `self.m`, `cls.m`, `super().m`. */
const OWN_RECEIVER = /^(?:self|cls|super\(\))\.[\w]+$/;

/** The spec a name read as a value (not called) matches, if any. */
export function matchReadSource(name: string): SourceSpec | undefined {
  return SOURCES.find((spec) => spec.values?.includes(name));
}

/** The spec a call of `name` (the resolved callee) matches, if any. */
export function matchSource(name: string, method: string | undefined): SourceSpec | undefined {
  for (const spec of SOURCES) {
    if (spec.names?.includes(name)) return spec;
    if (method && spec.methods?.includes(method)) {
      if (spec.clientOnly && OWN_RECEIVER.test(name)) continue;
      if ((!spec.under || spec.under.some((u) => name.startsWith(u))) && (!spec.after || spec.after.some((a) => name.endsWith(`${a}().${method}`)))) return spec;
    }
  }
  return undefined;
}
