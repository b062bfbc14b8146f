import { calleeLabel, calls } from '../call-site.js';
import { HTTP_CALLS } from '../http-calls.js';
import type { JsContext, JsRule } from '../js-rule.js';
import { type SyntaxNode, unwrap } from '../parser.js';
import { takenFrom } from './dynamic-value.js';

/** A URL whose scheme and host are written out: what varies is a path or query on that one server. */
const FIXED_ORIGIN = /^[a-z][a-z0-9+.-]*:\/\/[^/?#${}]+[/?#]/i;

export const ssrfRequest: JsRule = {
  id: 'js.ssrf.request-url',
  title: 'HTTP request to a URL taken from input',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-918'],
  what:
    'Finds fetch, node-fetch, undici, axios, got, needle, superagent and http/https.get/request calls whose URL ' +
    '(the first argument, or the url of a config object) is taken from an HTTP request (req.query/body…, a Lambda ' +
    'event) or from data the script reads (a record of a parsed CSV, an HTTP response, an S3 object). A URL whose ' +
    'scheme and host are written out in the code (`https://api.example.com/items/${id}`) is not reported: only its ' +
    'path varies. URLs from the command line or of unknown origin are not reported either.',
  why:
    'A callback URL in a webhook payload or a "source" column in an ingested file makes the pipeline fetch whatever ' +
    'the data names, from inside its network: the cloud metadata service (169.254.169.254) hands out the job’s ' +
    'credentials, and internal services that trust the network answer without authentication.',
  remediation:
    'Allow-list the hosts the job may call and check the parsed URL’s protocol and hostname against it before the ' +
    'request (new URL(u).hostname); resolve the name and refuse private, loopback and link-local addresses; turn off ' +
    'redirects or re-check each hop.',
  bad: [
    {
      file: 'ingest/callbacks.js',
      code:
        "const axios = require('axios');\n\n" +
        'async function notify() {\n' +
        "  const { data: jobs } = await axios.get('https://scheduler.internal/jobs');\n" +
        '  for (const job of jobs) await axios.post(job.callbackUrl, { done: true });\n' +
        '}\n',
    },
    {
      file: 'api/proxy.ts',
      code: "app.get('/preview', async (req, res) => {\n  const page = await fetch(req.query.url as string);\n  res.send(await page.text());\n});\n",
    },
  ],
  good: [
    {
      file: 'ingest/callbacks.js',
      code:
        "const axios = require('axios');\n\n" +
        'async function sync(req) {\n' +
        "  const { data: items } = await axios.get('https://api.example.com/items');\n" +
        '  for (const item of items) await axios.get(`https://api.example.com/items/${item.id}/details`);\n' +
        '  await fetch(`https://api.example.com/search?q=${encodeURIComponent(req.query.q)}`);\n' +
        '}\n',
    },
  ],
  references: ['https://owasp.org/www-community/attacks/Server_Side_Request_Forgery', 'https://cwe.mitre.org/data/definitions/918.html'],
  onCall(call, ctx) {
    if (!calls(call, HTTP_CALLS)) return;
    const url = urlArgument(call.args[0]);
    if (!url || hasFixedOrigin(ctx, url)) return;
    const taken = takenFrom(ctx, url);
    if (taken) ctx.report(call.node, { message: `${calleeLabel(call)} requests a URL ${taken}; the data chooses which server the pipeline calls` });
  },
};

/** The URL of a call: its first argument, or the `url` of a config object given instead. */
function urlArgument(first: SyntaxNode | undefined): SyntaxNode | undefined {
  if (!first) return undefined;
  const node = unwrap(first);
  if (node.type !== 'object') return first;
  const pair = node.namedChildren.find((p) => p.type === 'pair' && p.childForFieldName('key')?.text.replace(/['"]/g, '') === 'url');
  return pair?.childForFieldName('value') ?? undefined;
}

/** A template or concatenation that starts with a written-out scheme and host. */
function hasFixedOrigin(ctx: JsContext, url: SyntaxNode): boolean {
  let node = unwrap(url);
  while (node.type === 'binary_expression' && node.childForFieldName('operator')?.text === '+') node = unwrap(node.childForFieldName('left')!);
  if (node.type === 'template_string') {
    const head = node.namedChildren[0];
    return head?.type === 'string_fragment' && FIXED_ORIGIN.test(head.text);
  }
  const constant = ctx.constantOf(node);
  return typeof constant === 'string' && FIXED_ORIGIN.test(constant);
}
