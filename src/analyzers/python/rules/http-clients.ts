/** HTTP client entry points as the resolver names them, for rules about how pipelines fetch data. */
const VERBS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'request'];
const REQUESTS_SESSIONS = ['requests.Session()', 'requests.session()', 'requests.sessions.Session()'];

/** Client objects whose methods fetch a URL: a requests, httpx or aiohttp session, a urllib3 pool. */
export const HTTP_CLIENTS: readonly string[] = [...REQUESTS_SESSIONS, 'httpx.Client()', 'httpx.AsyncClient()', 'urllib3.PoolManager()', 'aiohttp.ClientSession()'];

/** Where `request(method, url, …)` takes its URL: the HTTP method comes first. */
export const REQUEST_URL = { index: 1, keyword: 'url' } as const;

/** requests' module functions and Session methods: no timeout unless one is passed. */
export const REQUESTS_CALLS = [
  ...VERBS.map((v) => `requests.${v}`),
  ...VERBS.map((v) => `requests.api.${v}`),
  ...REQUESTS_SESSIONS.flatMap((s) => VERBS.map((v) => `${s}.${v}`)),
];

/** httpx's module functions and clients: a 5 s timeout unless timeout=None. */
export const HTTPX_CALLS = [...[...VERBS, 'stream'].map((v) => `httpx.${v}`), 'httpx.Client', 'httpx.AsyncClient'];

/** Calls that take a URL as their first argument (or url=) and read data from it. */
export const URL_READERS = [
  ...REQUESTS_CALLS,
  ...HTTPX_CALLS.filter((c) => !c.endsWith('Client')),
  'urllib.request.urlopen',
  'urllib.request.Request',
  'urllib.request.urlretrieve',
  'urllib2.urlopen',
  'aiohttp.ClientSession().get',
  ...['csv', 'json', 'parquet', 'excel', 'html', 'table', 'xml', 'feather', 'orc', 'stata', 'sas', 'fwf'].map((f) => `pandas.read_${f}`),
  'polars.read_csv',
  'polars.read_parquet',
  'polars.read_json',
  'pyarrow.csv.read_csv',
  'wget.download',
];
