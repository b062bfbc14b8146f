import { argument, calls } from '../call-site.js';
import type { SyntaxNode } from '../parser.js';
import type { PythonContext, PythonRule } from '../python-rule.js';
import { calleeLabel } from './dynamic-value.js';
import { URL_READERS } from './http-clients.js';
import { stringText } from './string-literal.js';
import { leadingLiteralText } from '../url-prefix.js';

/** Hosts where plain HTTP does not leave the machine. */
const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\]|0\.0\.0\.0)(:\d+)?$/i;

export const httpUrl: PythonRule = {
  id: 'py.transport.http-url',
  title: 'Data fetched over plain http://',
  category: 'sast',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-319'],
  what:
    'Finds requests, httpx, urllib and aiohttp calls and pandas/polars/pyarrow readers whose URL is an http:// ' +
    'literal, or a URL built from one (f-string, +, %, str.format) whose host is written out, for a host other than localhost.',
  why:
    'Whatever comes over plain HTTP can be read and rewritten on the way: the CSV that becomes a training set, the ' +
    'reference table that drives joins, the token in the query string. A network attacker poisons the data without ' +
    'touching the source, and nothing in the pipeline can tell.',
  remediation:
    'Use https:// (and keep certificate verification on). If the source offers no TLS, fetch it through a trusted ' +
    'mirror or verify a signature or a published SHA-256 of the file before using it.',
  bad: [
    {
      file: 'ingest/reference.py',
      code: 'import pandas as pd\n\nCOUNTRIES = pd.read_csv("http://data.example.org/reference/countries.csv")\n',
    },
    {
      file: 'ingest/events.py',
      code: 'import requests\n\n\ndef events(day: str) -> list:\n    return requests.get(f"http://events.example.com/api/{day}", timeout=30).json()\n',
    },
  ],
  good: [
    {
      file: 'ingest/reference.py',
      code:
        'import pandas as pd\nimport requests\n\n' +
        'COUNTRIES = pd.read_csv("https://data.example.org/reference/countries.csv")\n' +
        'HEALTH = requests.get("http://localhost:8080/health", timeout=2)\n',
    },
  ],
  references: ['https://cwe.mitre.org/data/definitions/319.html', 'https://owasp.org/www-community/vulnerabilities/Insecure_Transport'],
  onCall(call, ctx) {
    if (!calls(call, URL_READERS)) return;
    // urllib's Request and requests.request take the method first.
    const urlIndex = call.name?.endsWith('.request') ? 1 : 0;
    const url = argument(call, urlIndex, 'url') ?? call.positional[0];
    const host = url ? plainHttpHost(url, ctx) : undefined;
    if (host === undefined || LOOPBACK.test(host)) return;
    ctx.report(call.node, { message: `${calleeLabel(call)} fetches http://${host}… in clear text; a network attacker can read and alter the data` });
  },
};

/** The host of an http:// URL written literally, or at the start of one built from parts (f-string, +, %, format). */
function plainHttpHost(node: SyntaxNode, ctx: PythonContext): string | undefined {
  const text = stringText(node, ctx) ?? leadingLiteralText(node, (n) => ctx.constantOf(n));
  const match = text ? /^http:\/\/([^/?#{%]+)/i.exec(text) : null;
  return match?.[1];
}
