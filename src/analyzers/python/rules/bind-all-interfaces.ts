import { calls } from '../call-site.js';
import type { SyntaxNode } from '../parser.js';
import type { PythonContext, PythonRule } from '../python-rule.js';
import { calleeLabel } from './dynamic-value.js';

const ALL_INTERFACES = new Set(['0.0.0.0', '::', '']);
/** Servers that take host= (or host first): web frameworks, ASGI/WSGI servers, Dask, Ray, Jupyter-style tools. */
const HOST_TAKING = ['flask.Flask().run', 'uvicorn.run', 'waitress.serve', 'aiohttp.web.run_app', 'werkzeug.serving.run_simple', 'http.server.HTTPServer', 'socketserver.TCPServer'];

export const bindAllInterfaces: PythonRule = {
  id: 'py.network.bind-all-interfaces',
  title: 'Service bound to all network interfaces',
  category: 'sast',
  severity: 'medium',
  confidence: 'medium',
  cwe: ['CWE-605', 'CWE-1327'],
  what:
    'Finds servers bound to 0.0.0.0 or :: — socket.bind(("0.0.0.0", port)), and Flask, uvicorn, waitress, aiohttp, ' +
    'Werkzeug and http.server given that host.',
  why:
    'Pipeline helpers — feature servers, metrics endpoints, debug UIs, ad-hoc file servers — are usually meant for ' +
    'the local machine or a sidecar. Bound to every interface, they answer anyone who can reach the host, often ' +
    'without authentication.',
  remediation:
    'Bind to 127.0.0.1 or to the specific interface that should serve, and take the address from configuration; in ' +
    'containers, publish only the ports you need and keep network policies closed.',
  bad: [
    { file: 'serve/metrics.py', code: 'import socket\n\nsock = socket.socket()\nsock.bind(("0.0.0.0", 9100))\n' },
    { file: 'serve/api.py', code: 'import uvicorn\n\nuvicorn.run("features.api:app", host="0.0.0.0", port=8000)\n' },
  ],
  good: [{ file: 'serve/metrics.py', code: 'import socket\n\nsock = socket.socket()\nsock.bind(("127.0.0.1", 9100))\n' }],
  bandit: ['B104'],
  references: ['https://cwe.mitre.org/data/definitions/605.html'],
  onCall(call, ctx) {
    let host: SyntaxNode | undefined;
    if (call.method === 'bind' && call.positional[0]?.type === 'tuple') host = call.positional[0].namedChildren[0];
    else if (calls(call, HOST_TAKING)) host = call.keywords.get('host') ?? firstTupleItem(call.positional[0]);
    if (!host || !bindsAll(host, ctx)) return;
    ctx.report(call.node, { message: `${calleeLabel(call)} listens on every network interface (${JSON.stringify(ctx.constantOf(host))})` });
  },
};

function firstTupleItem(node: SyntaxNode | undefined): SyntaxNode | undefined {
  return node?.type === 'tuple' ? node.namedChildren[0] : undefined;
}

function bindsAll(node: SyntaxNode, ctx: PythonContext): boolean {
  const value = ctx.constantOf(node);
  return typeof value === 'string' && ALL_INTERFACES.has(value);
}
