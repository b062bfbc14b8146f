import { calleeLabel, type CallSite, propertyOf } from '../call-site.js';
import type { JsContext, JsRule } from '../js-rule.js';
import { unwrap } from '../parser.js';
import { takenFrom } from './dynamic-value.js';

/** Per driver, the methods that take SQL text first. */
const DRIVERS: Record<string, readonly string[]> = {
  pg: ['query'],
  mysql: ['query', 'execute'],
  mysql2: ['query', 'execute'],
  sqlite3: ['run', 'all', 'get', 'each', 'exec', 'prepare'],
  'better-sqlite3': ['prepare', 'exec'],
  knex: ['raw', 'whereRaw', 'orWhereRaw', 'havingRaw', 'orderByRaw', 'groupByRaw', 'joinRaw', 'fromRaw'],
  sequelize: ['query'],
  postgres: ['unsafe'],
  '@prisma/client': ['$queryRawUnsafe', '$executeRawUnsafe'],
  duckdb: ['all', 'run', 'each', 'exec', 'prepare', 'arrowIPCAll', 'stream'],
  '@duckdb/node-api': ['run', 'runAndReadAll', 'runAndRead', 'stream', 'streamAndReadAll', 'prepare'],
  'snowflake-sdk': ['execute'],
  '@google-cloud/bigquery': ['query', 'createQueryJob'],
};
/** Query-config objects take the text in one of these: pg's { text }, mysql's { sql }, snowflake-sdk's { sqlText }, BigQuery's { query }. */
const QUERY_PROPERTIES = ['text', 'sql', 'sqlText', 'query'];
/** Receivers that, in a file importing a driver, are its connections even when their origin is out of sight. */
const CONNECTION_NAMES = /^(?:db|database|client|pool|conn|connection|knex|sequelize|trx|tx|sql)$/i;

export const sqlInjectionTemplate: JsRule = {
  id: 'js.sql-injection.template',
  title: 'SQL query text built with a template string or concatenation',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-89'],
  what:
    'Finds query text built by a template string with substitutions, concatenation, .concat/.join/.replace or ' +
    'util.format passed to pg (query), mysql/mysql2 (query, execute), sqlite3 (run, all, get, each, exec, prepare), ' +
    'better-sqlite3 (prepare, exec), knex (raw, whereRaw…), sequelize (query), postgres (unsafe), Prisma ' +
    '($queryRawUnsafe, $executeRawUnsafe), duckdb and @duckdb/node-api (all, run, exec, prepare…), snowflake-sdk ' +
    '(execute({ sqlText })) and BigQuery (query, createQueryJob). Placeholders with ' +
    'a values array and tagged templates (sql`…`) are parameterised and not reported. Calls on a receiver named like ' +
    'a connection (db, client, pool…) in a file that imports a driver are reported at medium confidence. A whole ' +
    'statement taken from a request or from data the script reads (pool.query(row.sql)) is reported like a built one.',
  why:
    'Ingestion scripts build INSERT and MERGE statements from file names, column headers and field values read from ' +
    'the data they load. Spliced into the text, a crafted value ends the statement and runs another with the ' +
    'loader’s rights, which usually include writing to the warehouse.',
  remediation:
    'Pass values separately: pool.query("… WHERE id = $1", [id]), connection.execute("… = ?", [id]), ' +
    'db.prepare("… = ?").get(id), knex.raw("… = ?", [id]), or a tagged template from a library that parameterises ' +
    'it. Check identifiers (table, column names) against an allow-list and quote them with the driver’s escapeId/format("%I").',
  bad: [
    {
      file: 'load/upsert.js',
      code:
        "const { Pool } = require('pg');\nconst pool = new Pool();\n\n" +
        'async function upsert(table, row) {\n' +
        '  await pool.query(`INSERT INTO ${table} (id, name) VALUES (${row.id}, \'${row.name}\')`);\n' +
        '}\n',
    },
    {
      file: 'load/lookup.ts',
      code:
        "import mysql from 'mysql2/promise';\n\n" +
        'export async function lookup(email: string) {\n' +
        "  const conn = await mysql.createConnection({ host: 'db' });\n" +
        '  const sql = "SELECT * FROM users WHERE email = \'" + email + "\'";\n' +
        '  return conn.execute(sql);\n' +
        '}\n',
    },
  ],
  good: [
    {
      file: 'load/upsert.js',
      code:
        "const { Pool } = require('pg');\nconst Database = require('better-sqlite3');\nconst pool = new Pool();\nconst db = new Database('cache.db');\n\n" +
        'async function upsert(row) {\n' +
        "  await pool.query('INSERT INTO events (id, name) VALUES ($1, $2)', [row.id, row.name]);\n" +
        "  await pool.query({ text: 'SELECT * FROM events WHERE id = $1', values: [row.id] });\n" +
        "  db.prepare('SELECT * FROM seen WHERE id = ?').get(row.id);\n" +
        '  await pool.query(`SELECT count(*) FROM events`);\n' +
        '}\n',
    },
  ],
  references: ['https://node-postgres.com/features/queries#parameterized-query', 'https://cwe.mitre.org/data/definitions/89.html'],
  onCall(call, ctx) {
    const driver = driverOf(call, ctx);
    const first = call.args[0];
    if (!driver || !first || call.tagged) return;
    const query = unwrap(first);
    const text = query.type === 'object' ? QUERY_PROPERTIES.map((p) => propertyOf(query, p)).find(Boolean) : query;
    if (!text) return;
    const kind = ctx.kindOf(text);
    // A whole statement taken from a request or from data (`pool.query(row.sql)`) is as bad as one built from it.
    const taken = kind === 'unknown' ? takenFrom(ctx, text) : undefined;
    if (kind !== 'formatted' && !taken) return;
    ctx.report(call.node, {
      message: `${calleeLabel(call)} runs SQL text ${taken ?? 'built by a template string or concatenation'}; pass values as parameters`,
      confidence: driver.resolved ? 'high' : 'medium',
    });
  },
};

/** The driver a call goes to: resolved through imports, or guessed from the receiver's name. */
function driverOf(call: CallSite, ctx: JsContext): { resolved: boolean } | undefined {
  if (!call.method) return undefined;
  const root = call.name?.split(/[.(]/)[0];
  if (root && Object.hasOwn(DRIVERS, root) && DRIVERS[root]!.includes(call.method)) return { resolved: true };
  const receiver = call.receiver ? unwrap(call.receiver) : undefined;
  const receiverName = receiver?.type === 'member_expression' ? receiver.childForFieldName('property')?.text : receiver?.text;
  if (!receiverName || !CONNECTION_NAMES.test(receiverName)) return undefined;
  const imported = Object.keys(DRIVERS).some((d) => ctx.imports(d) && DRIVERS[d]!.includes(call.method!));
  return imported ? { resolved: false } : undefined;
}
