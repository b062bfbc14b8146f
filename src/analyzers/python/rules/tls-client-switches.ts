import type { CallSite } from '../call-site.js';
import type { SyntaxNode } from '../parser.js';
import type { PythonContext } from '../python-rule.js';

/** A client option that switches certificate checks off, and the values that do it. */
interface TlsSwitch {
  names: readonly string[];
  keyword: string;
  /** `false`: the option is False; `true`: it is True; `cert-none`: ssl.CERT_NONE, "CERT_NONE"/"none", or None where `noneIsOff`. */
  off: 'false' | 'true' | 'cert-none';
  noneIsOff?: boolean;
}

const BOTO3_SESSIONS = ['boto3.Session()', 'boto3.session.Session()'];
const BOTO3_CLIENTS = ['boto3.client', 'boto3.resource', ...BOTO3_SESSIONS.flatMap((s) => [`${s}.client`, `${s}.resource`])];
const AIOHTTP_REQUESTS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request', 'ws_connect'].map((v) => `aiohttp.ClientSession().${v}`);
const KAFKA_PYTHON = ['kafka.KafkaConsumer', 'kafka.KafkaProducer', 'kafka.KafkaAdminClient', 'kafka.KafkaClient'];
const REDIS = ['redis.Redis', 'redis.StrictRedis', 'redis.from_url', 'redis.Redis.from_url', 'redis.asyncio.Redis', 'redis.asyncio.from_url'];

/** Data-pipeline clients beyond requests and httpx: object stores, search, caches, brokers, warehouses. */
const SWITCHES: readonly TlsSwitch[] = [
  { names: BOTO3_CLIENTS, keyword: 'verify', off: 'false' },
  { names: [...AIOHTTP_REQUESTS, 'aiohttp.TCPConnector', 'aiohttp.request'], keyword: 'ssl', off: 'false' },
  { names: [...AIOHTTP_REQUESTS, 'aiohttp.TCPConnector', 'aiohttp.request'], keyword: 'verify_ssl', off: 'false' },
  { names: ['elasticsearch.Elasticsearch', 'elasticsearch.AsyncElasticsearch', 'opensearchpy.OpenSearch', 'opensearchpy.AsyncOpenSearch'], keyword: 'verify_certs', off: 'false' },
  { names: ['pymongo.MongoClient', 'motor.motor_asyncio.AsyncIOMotorClient'], keyword: 'tlsAllowInvalidCertificates', off: 'true' },
  { names: ['pymongo.MongoClient', 'motor.motor_asyncio.AsyncIOMotorClient'], keyword: 'tlsInsecure', off: 'true' },
  { names: ['pymongo.MongoClient', 'motor.motor_asyncio.AsyncIOMotorClient'], keyword: 'ssl_cert_reqs', off: 'cert-none' },
  // redis-py reads ssl_cert_reqs=None as CERT_NONE.
  { names: REDIS, keyword: 'ssl_cert_reqs', off: 'cert-none', noneIsOff: true },
  { names: ['urllib3.PoolManager', 'urllib3.ProxyManager', 'urllib3.HTTPSConnectionPool', 'urllib3.connection_from_url'], keyword: 'cert_reqs', off: 'cert-none' },
  { names: KAFKA_PYTHON, keyword: 'ssl_check_hostname', off: 'false' },
  { names: ['snowflake.connector.connect'], keyword: 'insecure_mode', off: 'true' },
];
/** The switches each client takes, by its resolved name: looked up once per call. */
const SWITCHES_BY_NAME = new Map<string, TlsSwitch[]>();
for (const s of SWITCHES) for (const name of s.names) SWITCHES_BY_NAME.set(name, [...(SWITCHES_BY_NAME.get(name) ?? []), s]);
/** librdkafka settings (confluent_kafka takes them as one dict) that switch checks off. */
const RDKAFKA_CLIENTS = ['confluent_kafka.Consumer', 'confluent_kafka.Producer', 'confluent_kafka.admin.AdminClient', 'confluent_kafka.DeserializingConsumer', 'confluent_kafka.SerializingProducer'];
const RDKAFKA_OFF: ReadonlyMap<string, (value: unknown) => boolean> = new Map([
  ['enable.ssl.certificate.verification', (v) => v === false || (typeof v === 'string' && /^(false|0)$/i.test(v))],
  ['ssl.endpoint.identification.algorithm', (v) => typeof v === 'string' && /^none$/i.test(v)],
]);

/** Where a call to a data client switches certificate checks off: the argument, and how it reads. */
export function tlsSwitchedOff(call: CallSite, ctx: PythonContext): { node: SyntaxNode; setting: string } | undefined {
  for (const s of SWITCHES_BY_NAME.get(call.name ?? '') ?? []) {
    const value = call.keywords.get(s.keyword);
    if (value && isOff(s, value, ctx)) return { node: value, setting: `${s.keyword}=${value.text}` };
  }
  return RDKAFKA_CLIENTS.includes(call.name ?? '') ? rdkafkaSwitch(call, ctx) : undefined;
}

function isOff(s: TlsSwitch, value: SyntaxNode, ctx: PythonContext): boolean {
  const constant = ctx.constantOf(value);
  if (s.off === 'false') return constant === false;
  if (s.off === 'true') return constant === true;
  if (constant === null) return s.noneIsOff === true;
  return ctx.nameOf(value) === 'ssl.CERT_NONE' || (typeof constant === 'string' && /^(cert_none|none)$/i.test(constant));
}

/** `Consumer({"enable.ssl.certificate.verification": False, …})`, the dict written in the call. */
function rdkafkaSwitch(call: CallSite, ctx: PythonContext): { node: SyntaxNode; setting: string } | undefined {
  const config = call.positional[0] ?? call.keywords.get('config');
  for (const pair of config?.type === 'dictionary' ? config.namedChildren.filter((c) => c.type === 'pair') : []) {
    const key = pair.childForFieldName('key');
    const value = pair.childForFieldName('value');
    const name = key ? ctx.constantOf(key) : undefined;
    const off = typeof name === 'string' ? RDKAFKA_OFF.get(name) : undefined;
    if (off && value && off(ctx.constantOf(value))) return { node: pair, setting: pair.text };
  }
  return undefined;
}
