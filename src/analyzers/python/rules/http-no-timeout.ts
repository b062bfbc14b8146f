import { calls } from '../call-site.js';
import type { PythonRule } from '../python-rule.js';
import { calleeLabel } from './dynamic-value.js';
import { HTTPX_CALLS, REQUESTS_CALLS } from './http-clients.js';

export const httpNoTimeout: PythonRule = {
  id: 'py.http.no-timeout',
  title: 'HTTP request without a timeout',
  category: 'sast',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-400', 'CWE-1088'],
  what:
    'Finds requests calls (module functions and Session methods) without timeout=, and requests or httpx calls ' +
    'with timeout=None. httpx applies a 5 s default, so only an explicit None is reported there.',
  why:
    'requests waits forever by default. A slow or hostile endpoint — a vendor API, a webhook target, a server that ' +
    'trickles one byte a minute — holds the task slot until the scheduler’s own timeout, if any; backfills with ' +
    'hundreds of such calls stall the whole DAG and the data behind it goes stale.',
  remediation:
    'Pass timeout= on every call, e.g. requests.get(url, timeout=(3.05, 30)) for connect and read, and retry with ' +
    'backoff (urllib3 Retry on an HTTPAdapter) rather than waiting longer.',
  bad: [
    {
      file: 'ingest/rates.py',
      code:
        'import requests\n\n\n' +
        'def fetch_rates(day: str) -> list[dict]:\n' +
        '    response = requests.get("https://rates.example.com/v2/rates", params={"day": day})\n' +
        '    response.raise_for_status()\n' +
        '    return response.json()["rates"]\n',
    },
    { file: 'ingest/crm.py', code: 'import httpx\n\nclient = httpx.Client(base_url="https://crm.example.com", timeout=None)\n' },
  ],
  good: [
    {
      file: 'ingest/rates.py',
      code:
        'import httpx\nimport requests\n\n\n' +
        'def fetch_rates(day: str) -> list[dict]:\n' +
        '    response = requests.get("https://rates.example.com/v2/rates", params={"day": day}, timeout=(3.05, 30))\n' +
        '    response.raise_for_status()\n' +
        '    return response.json()["rates"] + httpx.get("https://fx.example.com/latest").json()\n',
    },
  ],
  bandit: ['B113'],
  references: [
    'https://requests.readthedocs.io/en/latest/user/advanced/#timeouts',
    'https://www.python-httpx.org/advanced/timeouts/',
    'https://cwe.mitre.org/data/definitions/1088.html',
  ],
  onCall(call, ctx) {
    const isRequests = calls(call, REQUESTS_CALLS);
    if (!isRequests && !calls(call, HTTPX_CALLS)) return;
    const timeout = call.keywords.get('timeout');
    if (timeout) {
      if (ctx.constantOf(timeout) === null) ctx.report(call.node, { message: `${calleeLabel(call)} is called with timeout=None and can wait forever` });
      return;
    }
    if (isRequests && !call.hasSplat) {
      ctx.report(call.node, { message: `${calleeLabel(call)} has no timeout= and waits forever on a server that stops answering` });
    }
  },
};
