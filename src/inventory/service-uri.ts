import type { ServiceHit, ServiceKind, ServiceProvider } from './services.js';

type UriService = Omit<ServiceHit, 'line'>;

/** URI schemes that name a data service (SQLAlchemy's `scheme+driver` is reduced to the scheme). */
const SCHEMES: Record<string, { kind: ServiceKind; provider?: ServiceProvider }> = {
  s3: { kind: 'bucket', provider: 'aws' },
  s3a: { kind: 'bucket', provider: 'aws' },
  s3n: { kind: 'bucket', provider: 'aws' },
  gs: { kind: 'bucket', provider: 'gcp' },
  wasb: { kind: 'bucket', provider: 'azure' },
  wasbs: { kind: 'bucket', provider: 'azure' },
  abfs: { kind: 'filesystem', provider: 'azure' },
  abfss: { kind: 'filesystem', provider: 'azure' },
  hdfs: { kind: 'filesystem' },
  postgres: { kind: 'database' },
  postgresql: { kind: 'database' },
  mysql: { kind: 'database' },
  mariadb: { kind: 'database' },
  mssql: { kind: 'database' },
  sqlserver: { kind: 'database' },
  oracle: { kind: 'database' },
  mongodb: { kind: 'database' },
  redshift: { kind: 'warehouse', provider: 'aws' },
  snowflake: { kind: 'warehouse', provider: 'snowflake' },
  bigquery: { kind: 'warehouse', provider: 'gcp' },
  databricks: { kind: 'warehouse', provider: 'databricks' },
  hive2: { kind: 'warehouse' },
  trino: { kind: 'warehouse' },
  clickhouse: { kind: 'warehouse' },
  redis: { kind: 'cache' },
  rediss: { kind: 'cache' },
  amqp: { kind: 'queue' },
  amqps: { kind: 'queue' },
  http: { kind: 'api' },
  https: { kind: 'api' },
};

const URI_CHAR = String.raw`[^\s'"\x60<>\\(){}\[\]]`;
/** Candidate URIs in a line of text: a known scheme (or `jdbc:`) up to the first quote, space or bracket. */
export const URI_CANDIDATE = new RegExp(String.raw`\b(?:jdbc:[a-z0-9]+:|(?:${Object.keys(SCHEMES).join('|')})(?:\+[a-z0-9]+)*:\/\/)${URI_CHAR}+`, 'gi');

const PROVIDER_HOSTS: Array<[RegExp, ServiceProvider]> = [
  [/\.amazonaws\.com(\.cn)?$/, 'aws'],
  [/(^|\.)googleapis\.com$/, 'gcp'],
  [/\.azuredatabricks\.net$|\.cloud\.databricks\.com$/, 'databricks'],
  [/\.(windows|azure)\.net$|\.azure\.com$/, 'azure'],
  [/\.snowflakecomputing\.com$/, 'snowflake'],
  [/\.confluent\.cloud$/, 'confluent'],
];

/** The cloud a host belongs to, from its domain. */
export function providerOfHost(host: string): ServiceProvider | undefined {
  const lower = host.toLowerCase();
  return PROVIDER_HOSTS.find(([pattern]) => pattern.test(lower))?.[1];
}

const LOOPBACK = /^(localhost|.*\.localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|::1|host\.docker\.internal)$/i;

/** True for hosts on the developer's own machine: not an external service. */
export function isLoopback(host: string): boolean {
  return LOOPBACK.test(host);
}

/** Domains (and their subdomains) that http(s) URLs name in docs, licences and schemas rather than as a data source. */
const DOC_DOMAINS = [
  'w3.org',
  'json-schema.org',
  'schema.org',
  'schemas.xmlsoap.org',
  'schemas.microsoft.com',
  'xmlns.com',
  'purl.org',
  'opensource.org',
  'creativecommons.org',
  'spdx.org',
  'www.apache.org',
  'example.com',
  'example.org',
  'example.net',
  'readthedocs.io',
  'readthedocs.org',
  'wikipedia.org',
  'stackoverflow.com',
];
const DOC_PATH = /^\/(docs?|documentation)(\/|$)/i;
// Source browsing on GitHub (a file, tree, issue, the repository page): links, not data sources. Release downloads stay.
const GITHUB_DOC_PATH = /^\/[^/]+(\/[^/]+)?(\/(blob|tree|issues|pull|wiki|commit|compare)(\/.*)?)?\/?$/;

const HOST = /^[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$/i;
// A port, optionally followed by Oracle's `:SID`; anything else (`:$`, `:{`) is an unexpanded template.
const PORT = /^(:\d*(:[A-Za-z_]\w*)?)?$/;
const SECRET_PARAM = /pass|pwd|secret|token|credential|signature|^sig$|^sas$|(^|[-_.])key$|apikey|private_?key/i;

/**
 * The service a literal URI points at, with credentials removed from the recorded URI: the
 * password of `user:password@` becomes `***` (for http(s) the whole user part, which is often a
 * token), and so do the values of secret-looking query or `;` parameters. Undefined for URIs that
 * are templates, local, documentation, or not a recognised service.
 */
export function serviceFromUri(candidate: string): UriService | undefined {
  const parsed = splitUri(candidate.replace(/[.,;:!?]+$/, ''));
  const spec = parsed && SCHEMES[parsed.scheme];
  if (!parsed || !spec) return undefined;
  const { prefix, scheme, userinfo, hostPart, rest } = parsed;
  const hosts = hostsOf(hostPart);
  if (!hosts || hosts.some(isLoopback)) return undefined;
  const isHttp = scheme === 'http' || scheme === 'https';
  const path = rest.replace(/[?#;].*$/s, '');
  if (isHttp && isDocumentation(hosts[0]!, path)) return undefined;

  const redactedUser = userinfo === undefined ? '' : `${isHttp ? '***' : userinfo.replace(/:.*$/s, ':***')}@`;
  // A base URL is what identifies an API; its query is per call (and often carries keys).
  const uri = `${redactPrefix(prefix)}${redactedUser}${hostPart}${isHttp ? path : redactParams(rest)}`;
  const found = isHttp ? httpService(hostPart, path) : { kind: spec.kind, name: serviceName(scheme, spec.kind, userinfo, hostPart, path) };
  const provider = found.provider ?? spec.provider ?? providerOfHost(hosts[0]!);
  return { kind: hostKind(hosts[0]!) ?? found.kind, ...(provider ? { provider } : {}), name: found.name, uri };
}

interface SplitUri {
  /** Everything before the user/host part: `postgresql+psycopg2://`, `jdbc:oracle:thin:scott/tiger@`. */
  prefix: string;
  scheme: string;
  userinfo?: string;
  hostPart: string;
  /** Path, query, `;` parameters, fragment. */
  rest: string;
}

/**
 * `scheme[+driver]://[userinfo@]host…` or `jdbc:sub[:…]:[//]host…` (Oracle's thin form puts
 * `[user/password]@` before the host). For DSNs the user part ends at the last `@` before the
 * query or `;` parameters, so a password with an unescaped `/` or `#` is still taken for a password
 * and never leaks into the host or path; URLs and storage paths keep the standard rule (the user
 * part ends before the first `/`) because their paths may hold `@`.
 */
function splitUri(text: string): SplitUri | undefined {
  const m = /^(jdbc:([a-z0-9]+)(?::[a-z0-9]+)*:(?:[^@/\s:]+\/[^@\s]*@|@)?(?:\/\/)?|([a-z][a-z0-9]*)(?:\+[a-z0-9]+)*:\/\/)(.*)$/is.exec(text);
  if (!m) return undefined;
  const scheme = (m[2] ?? m[3]!).toLowerCase();
  const tail = m[4]!;
  const isHttp = scheme === 'http' || scheme === 'https';
  const kind = SCHEMES[scheme]?.kind;
  const standard = isHttp || kind === 'bucket' || kind === 'filesystem';
  const userEnd = tail.search(standard ? /[/?#]/ : /[?;]/);
  const at = tail.slice(0, userEnd < 0 ? undefined : userEnd).lastIndexOf('@');
  const afterUser = tail.slice(at + 1);
  const hostEnd = afterUser.search(isHttp ? /[/?#]/ : /[/?#;]/);
  return {
    prefix: m[1]!,
    scheme,
    ...(at >= 0 ? { userinfo: tail.slice(0, at) } : {}),
    hostPart: hostEnd < 0 ? afterUser : afterUser.slice(0, hostEnd),
    rest: hostEnd < 0 ? '' : afterUser.slice(hostEnd),
  };
}

/** The hosts of `h1:27017,h2:27017` (MongoDB lists several), or undefined when one is not a literal host. */
function hostsOf(hostPart: string): string[] | undefined {
  const hosts: string[] = [];
  for (const entry of hostPart.split(',')) {
    const colon = entry.indexOf(':');
    const host = colon < 0 ? entry : entry.slice(0, colon);
    if (!HOST.test(host) || !PORT.test(colon < 0 ? '' : entry.slice(colon))) return undefined;
    hosts.push(host);
  }
  return hosts;
}

/** Oracle thin's `user/password@` lives in the prefix. */
function redactPrefix(prefix: string): string {
  return prefix.replace(/\/[^@/]*@/, '/***@');
}

function redactParams(rest: string): string {
  return rest.replace(/([?&;])([^=&;#]*)=([^&;#]*)/g, (whole: string, sep: string, key: string) => (SECRET_PARAM.test(key) ? `${sep}${key}=***` : whole));
}

function isDocumentation(host: string, path: string): boolean {
  const lower = host.toLowerCase();
  if (/^docs?\./.test(lower) || DOC_DOMAINS.some((d) => lower === d || lower.endsWith(`.${d}`)) || DOC_PATH.test(path)) return true;
  return /^(www\.)?github\.com$/.test(lower) && GITHUB_DOC_PATH.test(path);
}

/**
 * Buckets are named by the bucket, Azure storage by account/container (the container sits where
 * a user would: container@account.dfs.core.windows.net), file systems by host, and databases,
 * warehouses, caches and queues by host plus the first path segment (the database or vhost).
 */
function serviceName(scheme: string, kind: ServiceKind, userinfo: string | undefined, hostPart: string, path: string): string {
  if (scheme.startsWith('wasb') || scheme.startsWith('abfs')) {
    const account = hostPart.split('.')[0]!;
    return userinfo ? `${account}/${userinfo}` : account;
  }
  if (kind === 'bucket' || kind === 'filesystem') return hostPart;
  const database = path.split('/')[1];
  return database ? `${hostPart}/${database}` : hostPart;
}

/** Object storage reached over https is a bucket, not an API: S3 virtual-hosted and path style, GCS, Azure Blob. */
function httpService(hostPart: string, path: string): { kind: ServiceKind; provider?: ServiceProvider; name: string } {
  const host = hostPart.toLowerCase();
  const firstSegment = path.split('/')[1] ?? '';
  const virtualS3 = /^(.+)\.s3[.-]([a-z0-9-]+\.)?amazonaws\.com$/.exec(host);
  if (virtualS3) return { kind: 'bucket', provider: 'aws', name: virtualS3[1]! };
  if (/^s3[.-]([a-z0-9-]+\.)?amazonaws\.com$/.test(host) && firstSegment) return { kind: 'bucket', provider: 'aws', name: firstSegment };
  if (host === 'storage.googleapis.com' && firstSegment) return { kind: 'bucket', provider: 'gcp', name: firstSegment };
  const blob = /^([a-z0-9]+)\.blob\.core\.windows\.net$/.exec(host);
  if (blob && firstSegment) return { kind: 'bucket', provider: 'azure', name: `${blob[1]}/${firstSegment}` };
  return { kind: 'api', name: host };
}

/** Warehouses reached with a database driver or their own API (Redshift speaks the Postgres protocol). */
function hostKind(host: string): ServiceKind | undefined {
  return /\.redshift(-serverless)?\.amazonaws\.com$|\.snowflakecomputing\.com$/i.test(host) ? 'warehouse' : undefined;
}
