import { calls } from '../call-site.js';
import type { PythonRule } from '../python-rule.js';
import { calleeLabel } from './dynamic-value.js';

/**
 * Protocol constants of ssl and pyOpenSSL that select SSL 2/3 or TLS 1.0/1.1. SSLv23_METHOD, like
 * ssl.PROTOCOL_SSLv23, is OpenSSL's version-flexible method (TLS_METHOD under its old name): it
 * negotiates the highest version both sides allow, so it is not among them.
 */
const OLD_PROTOCOLS = new Set([
  ...['PROTOCOL_SSLv2', 'PROTOCOL_SSLv3', 'PROTOCOL_TLSv1', 'PROTOCOL_TLSv1_1'].map((p) => `ssl.${p}`),
  ...['TLSVersion.SSLv3', 'TLSVersion.TLSv1', 'TLSVersion.TLSv1_1'].map((p) => `ssl.${p}`),
  ...['SSLv2_METHOD', 'SSLv3_METHOD', 'TLSv1_METHOD', 'TLSv1_1_METHOD'].map((p) => `OpenSSL.SSL.${p}`),
]);
const UNVERIFIED = ['ssl._create_unverified_context', 'ssl._create_stdlib_context'];

export const sslInsecureVersion: PythonRule = {
  id: 'py.ssl.insecure-version',
  title: 'TLS context with an obsolete protocol version or without verification',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-326', 'CWE-295'],
  what:
    'Finds ssl._create_unverified_context() / _create_stdlib_context(), contexts made unverified afterwards ' +
    '(`ctx.verify_mode = ssl.CERT_NONE`, `ctx.check_hostname = False`), the process-wide ' +
    '`ssl._create_default_https_context = ssl._create_unverified_context`, and calls given ssl.PROTOCOL_SSLv2/SSLv3/' +
    'TLSv1/TLSv1_1, the matching ssl.TLSVersion values, or pyOpenSSL’s SSLv2/SSLv3/TLSv1/TLSv1_1 *_METHOD constants ' +
    '(not SSLv23_METHOD, which negotiates the highest version).',
  why:
    'An unverified context accepts any certificate, and SSL 3 / TLS 1.0–1.1 have practical downgrade and decryption ' +
    'attacks. Either way the data and credentials of the connection are open to whoever sits on the path.',
  remediation:
    'Use ssl.create_default_context() (it verifies and negotiates TLS 1.2+); set minimum_version = ' +
    'ssl.TLSVersion.TLSv1_2 when you need to be explicit, and load a private CA with cafile= instead of disabling checks.',
  bad: [
    { file: 'ingest/feed.py', code: 'import ssl\nimport urllib.request\n\nctx = ssl._create_unverified_context()\ndata = urllib.request.urlopen("https://feed.example.com/x.csv", context=ctx).read()\n' },
    { file: 'ingest/legacy.py', code: 'import ssl\n\ncontext = ssl.SSLContext(ssl.PROTOCOL_TLSv1)\n' },
    { file: 'notebooks/setup.py', code: 'import ssl\n\n# the proxy re-signs everything\nssl._create_default_https_context = ssl._create_unverified_context\n' },
  ],
  good: [
    {
      file: 'ingest/feed.py',
      code:
        'import ssl\nimport urllib.request\n\n' +
        'ctx = ssl.create_default_context(cafile="/etc/ssl/certs/internal-ca.pem")\n' +
        'ctx.minimum_version = ssl.TLSVersion.TLSv1_2\n' +
        'data = urllib.request.urlopen("https://feed.example.com/x.csv", context=ctx).read()\n',
    },
    { file: 'ingest/tls_server.py', code: 'from OpenSSL import SSL\n\nctx = SSL.Context(SSL.SSLv23_METHOD)\n' },
  ],
  bandit: ['B323', 'B502', 'B503', 'B504'],
  references: ['https://docs.python.org/3/library/ssl.html#security-considerations', 'https://cwe.mitre.org/data/definitions/326.html'],
  onNode: {
    types: ['assignment'],
    check(node, ctx) {
      const target = node.childForFieldName('left');
      const value = node.childForFieldName('right');
      if (target?.type !== 'attribute' || !value) return;
      const field = target.childForFieldName('attribute')?.text;
      const message =
        field === 'verify_mode' && ctx.nameOf(value) === 'ssl.CERT_NONE'
          ? `${target.text} = ssl.CERT_NONE makes the context accept any certificate`
          : field === 'check_hostname' && ctx.constantOf(value) === false
            ? `${target.text} = False makes the context accept a certificate issued for any host`
            : ctx.nameOf(target) === 'ssl._create_default_https_context' && UNVERIFIED.includes(ctx.nameOf(value) ?? '')
              ? 'ssl._create_default_https_context is replaced by an unverified one: every urllib HTTPS connection in the process accepts any certificate'
              : undefined;
      if (message) ctx.report(node, { message });
    },
  },
  onCall(call, ctx) {
    if (calls(call, UNVERIFIED)) {
      ctx.report(call.node, { message: `${call.name}() makes a context that accepts any certificate` });
      return;
    }
    for (const arg of [...call.positional, ...call.keywords.values()]) {
      const name = arg.type === 'attribute' || arg.type === 'identifier' ? ctx.nameOf(arg) : undefined;
      if (name && OLD_PROTOCOLS.has(name)) {
        ctx.report(call.node, { message: `${calleeLabel(call)} is given ${name}, an obsolete protocol version with known attacks` });
        return;
      }
    }
  },
};
