import { argument, calls } from '../call-site.js';
import type { PythonRule } from '../python-rule.js';
import { calleeLabel } from './dynamic-value.js';
import { stringText } from './string-literal.js';

/** Database drivers and engines that take a DSN/URL first, or connection settings as keywords. */
const CONNECTORS = [
  'psycopg2.connect',
  'psycopg.connect',
  'psycopg.AsyncConnection.connect',
  'asyncpg.connect',
  'asyncpg.create_pool',
  'pg8000.connect',
  'pymysql.connect',
  'mysql.connector.connect',
  'sqlalchemy.create_engine',
  'sqlalchemy.ext.asyncio.create_async_engine',
];
/** libpq sslmode values that allow a clear-text connection. */
const CLEARTEXT_MODES = new Set(['disable', 'allow', 'prefer']);
const IN_DSN = /\bssl[-_]?mode=(disable|allow|prefer)\b/i;

export const dbSslmodeDisable: PythonRule = {
  id: 'py.db.sslmode-disable',
  title: 'Database connection allows clear text (sslmode=disable/allow/prefer, ssl=False)',
  category: 'sast',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-319'],
  what:
    'Finds psycopg, asyncpg, pg8000, PyMySQL, mysql-connector and SQLAlchemy connections whose DSN/URL literal sets ' +
    'sslmode=disable, allow or prefer, or whose keywords set sslmode to one of those or ssl=False.',
  why:
    'Warehouse connections carry credentials and the rows the pipeline reads and writes. With sslmode=disable — or ' +
    'allow/prefer, which silently fall back to clear text when an attacker strips TLS — anyone on the network path ' +
    'can capture the password and alter query results.',
  remediation:
    'Use sslmode=verify-full with sslrootcert pointing at the server CA (require at the very least), and for MySQL ' +
    'ssl_verify_identity=True with the CA; keep TLS settings in one place so no job falls back.',
  bad: [
    {
      file: 'load/warehouse.py',
      code:
        'import psycopg2\n\n\n' +
        'def connect(password: str):\n' +
        '    return psycopg2.connect(f"host=warehouse.internal dbname=analytics user=loader password={password} sslmode=disable")\n',
    },
    {
      file: 'load/engine.py',
      code: 'from sqlalchemy import create_engine\n\nengine = create_engine(URL, connect_args={"sslmode": "prefer"})\nother = create_engine("postgresql://loader@db/analytics?sslmode=allow")\n',
    },
  ],
  good: [
    {
      file: 'load/warehouse.py',
      code:
        'import psycopg2\n\n\n' +
        'def connect(password: str):\n' +
        '    return psycopg2.connect(host="warehouse.internal", dbname="analytics", user="loader", password=password,\n' +
        '                            sslmode="verify-full", sslrootcert="/etc/ssl/certs/warehouse-ca.pem")\n',
    },
  ],
  references: ['https://www.postgresql.org/docs/current/libpq-ssl.html#LIBPQ-SSL-PROTECTION', 'https://cwe.mitre.org/data/definitions/319.html'],
  onCall(call, ctx) {
    if (!calls(call, CONNECTORS)) return;
    const report = (what: string) => ctx.report(call.node, { message: `${calleeLabel(call)} connects with ${what}, so credentials and rows can travel in clear text` });
    const dsn = argument(call, 0, 'dsn') ?? call.keywords.get('url');
    const text = dsn ? (stringText(dsn, ctx) ?? (dsn.type === 'string' ? dsn.text : undefined)) : undefined;
    const inDsn = text ? IN_DSN.exec(text) : null;
    if (inDsn) return report(`sslmode=${inDsn[1]!.toLowerCase()}`);
    // Keywords directly, or inside SQLAlchemy's connect_args={...}.
    const connectArgs = call.keywords.get('connect_args');
    const pairs = new Map(call.keywords);
    if (connectArgs?.type === 'dictionary') {
      for (const pair of connectArgs.namedChildren.filter((c) => c.type === 'pair')) {
        const key = pair.childForFieldName('key');
        const value = pair.childForFieldName('value');
        const name = key ? ctx.constantOf(key) : undefined;
        if (typeof name === 'string' && value) pairs.set(name, value);
      }
    }
    const sslmode = pairs.get('sslmode');
    const mode = sslmode ? ctx.constantOf(sslmode) : undefined;
    if (typeof mode === 'string' && CLEARTEXT_MODES.has(mode.toLowerCase())) return report(`sslmode=${mode}`);
    const ssl = pairs.get('ssl');
    if (ssl && ctx.constantOf(ssl) === false) report('ssl=False');
  },
};
