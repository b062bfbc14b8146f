import { argument, calls } from '../call-site.js';
import { URLLIB_REQUEST_OBJECT } from '../taint/sinks.js';
import type { PythonRule } from '../python-rule.js';
import { fixedUrlPart } from '../url-prefix.js';
import { reportDynamic } from './dynamic-value.js';

export const urlopenScheme: PythonRule = {
  id: 'py.urllib.urlopen-any-scheme',
  title: 'urllib opens a URL of any scheme, file:// included',
  category: 'sast',
  severity: 'medium',
  confidence: 'medium',
  cwe: ['CWE-939', 'CWE-73'],
  what:
    'Finds urllib.request.urlopen/urlretrieve/Request and URLopener calls whose URL is not a literal and does not ' +
    'start with a written-out scheme such as f"https://{host}/…" (Bandit B310). ' +
    'Where the URL is traced to an ingestion point, py.taint.ssrf reports it instead.',
  why:
    'Unlike requests, urllib follows file:// and ftp:// as readily as https://. A URL column or config value that says ' +
    'file:///etc/passwd or file:///proc/self/environ makes the job read local secrets into its output.',
  remediation:
    'Check the scheme (and host) against an allow-list with urllib.parse.urlsplit before opening, or fetch with ' +
    'requests/httpx, which only speak HTTP(S).',
  bad: [
    {
      file: 'ingest/fetch.py',
      code:
        'import urllib.request\n\n\n' +
        'def fetch(url: str) -> bytes:\n' +
        '    with urllib.request.urlopen(url, timeout=10) as response:\n' +
        '        return response.read()\n',
    },
  ],
  good: [
    {
      file: 'ingest/fetch.py',
      code:
        'import urllib.request\n\n' +
        'RATES = "https://api.example.com/rates.json"\n\n\n' +
        'def fetch() -> bytes:\n' +
        '    with urllib.request.urlopen(RATES, timeout=10) as response:\n' +
        '        return response.read()\n',
    },
  ],
  bandit: ['B310'],
  references: ['https://bandit.readthedocs.io/en/latest/blacklists/blacklist_calls.html#b310-urllib-urlopen', 'https://cwe.mitre.org/data/definitions/939.html'],
  onCall(call, ctx) {
    if (!calls(call, ['urllib.request.urlopen', 'urllib.request.urlretrieve', 'urllib.request.Request', 'urllib.request.URLopener', 'urllib.request.FancyURLopener'])) return;
    const url = argument(call, 0, 'url');
    // urlopen(request): the Request's own URL was judged where the Request was built.
    if (!url || ctx.nameOf(url) === URLLIB_REQUEST_OBJECT) return;
    // f"https://{host}/{key}": whatever is spliced in, the scheme is the one written.
    if (fixedUrlPart(url, (n) => ctx.constantOf(n)) !== undefined) return;
    reportDynamic(ctx, call, url, { message: (how) => `${call.name}() opens a URL ${how}; file:// and ftp:// are followed too` });
  },
};
