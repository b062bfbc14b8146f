import { describe, expect, it } from 'vitest';
import { scan } from './scan.js';

const lines = (...l: string[]) => `${l.join('\n')}\n`;

describe('js.command-injection.exec', () => {
  const ID = 'js.command-injection.exec';

  it.each([
    ["const cp = require('child_process');", 'cp.exec'],
    ["const { execSync: run } = require('node:child_process');", 'run'],
    ["import { exec as run } from 'node:child_process';", 'run'],
    ["import * as cp from 'child_process';", 'cp.execSync'],
    ["import cp = require('child_process');", 'cp.exec'],
    ["const exec = require('child_process').exec;", 'exec'],
    ["const cp = await import('child_process');", 'cp.exec'],
  ])('resolves %s and reports %s with a template at high', (setup, callee) => {
    const [finding] = scan(lines(setup, `${callee}(\`rm -rf \${dir}\`);`), ID, 'job.ts');
    expect(finding).toMatchObject({ severity: 'high', confidence: 'high' });
    expect(finding!.message).toMatch(/^child_process\.exec(Sync)?\(\)/);
    expect(finding!.location).toMatchObject({ startLine: 2, startColumn: 1 });
  });

  it('reports a command of unknown origin at medium, follows concatenation through variables', () => {
    expect(scan(lines("const { exec } = require('child_process');", 'function f(cmd) { exec(cmd); }'), ID)).toMatchObject([{ severity: 'medium', confidence: 'medium' }]);
    expect(scan(lines("const { exec } = require('child_process');", "let c = 'ls ';", 'c += dir;', 'exec(c);'), ID)).toMatchObject([{ confidence: 'high' }]);
    const fromCsv = lines("const { exec } = require('child_process');", "const { parse } = require('csv-parse/sync');", "for (const job of parse(fs.readFileSync('jobs.csv'))) exec(job.command);");
    expect(scan(fromCsv, ID)).toMatchObject([{ severity: 'high', confidence: 'high', message: 'child_process.exec() runs a command taken from data the script reads through the shell' }]);
  });

  it('judges spawn/execFile by their shell option and argv', () => {
    const code = lines(
      "const { spawn, execFile, execFileSync } = require('child_process');",
      "spawn('ls', [dir]);",
      "spawn('ls', [dir], { shell: false });",
      "spawn('ls', ['-l'], { shell: true });",
      "execFile('ls', [dir], { shell: true });",
      "execFileSync('sh', ['-c', `gzip ${f}`]);",
      "spawn('bash', ['deploy.sh', '-c', f]);",
      "spawn(`ls ${dir}`, { shell: '/bin/bash' });",
    );
    expect(scan(code, ID).map((f) => [f.location.startLine, f.confidence])).toEqual([
      [5, 'medium'],
      [6, 'high'],
      [8, 'high'],
    ]);
  });

  it('ignores look-alikes: other modules, a local exec, literal commands, regex exec', () => {
    const code = lines(
      "const { exec } = require('./db');",
      'exec(`select ${x}`);',
      '/abc/.exec(input);',
      "require('child_process').execSync('git rev-parse HEAD');",
      '// cp.exec(`rm ${x}`)',
      "const s = 'exec(`rm ${x}`)';",
    );
    expect(scan(code, ID)).toEqual([]);
  });

  it('takes elements of a literal array (looped over or handed to a callback), and repeats of a literal, as literal', () => {
    const code = lines(
      "const { execSync } = require('child_process');",
      "for (const tool of ['git', 'npm']) execSync(`${tool} --version`);",
      "const [first, second] = ['ls', 'pwd'];",
      'execSync(first + " -l");',
      "execSync(' '.repeat(depth) + 'ls');",
      "for (const tool of ['git', process.argv[2]]) execSync(`${tool} --version`);",
      'execSync(pad.repeat(depth) + "ls");',
      "['git', 'npm'].forEach((tool) => execSync(`${tool} --version`));",
      "['a', 'b'].map(function (dir) { return execSync('ls ' + dir); });",
      "[process.argv[2]].forEach((tool) => execSync(`${tool} --version`));",
      "['git'].reduce((acc, tool) => execSync(`${acc} ${tool}`), '');",
    );
    expect(scan(code, ID).map((f) => [f.location.startLine, f.confidence])).toEqual([
      [6, 'high'],
      [7, 'high'],
      [10, 'high'],
      [11, 'high'],
    ]);
  });
});

describe('js.code-injection.eval', () => {
  const ID = 'js.code-injection.eval';

  it('reports eval, Function and vm with formatted or unknown code', () => {
    const code = lines(
      "import * as vm from 'vm';",
      'eval(expr);',
      'globalThis.eval("x" + y);',
      'const f = Function("row", `return ${body}`);',
      'vm.runInThisContext(src);',
      'new vm.Script(src);',
      "setTimeout('tick(' + n + ')', 10);",
    );
    expect(scan(code, ID, 'job.mjs').map((f) => [f.location.startLine, f.confidence])).toEqual([
      [2, 'medium'],
      [3, 'high'],
      [4, 'high'],
      [5, 'medium'],
      [6, 'medium'],
      [7, 'high'],
    ]);
  });

  it('reports code of otherwise unknown origin taken from a request or read data at high confidence', () => {
    const code = lines(
      "import axios from 'axios';",
      'const { data } = await axios.get(rulesUrl);',
      "const check = new Function('row', data.transform);",
      'eval(req.body.expr);',
      'setTimeout(() => eval(fallback), 10);',
    );
    const found = scan(code, ID, 'job.mjs');
    expect(found.map((f) => [f.location.startLine, f.confidence])).toEqual([
      [3, 'high'],
      [4, 'high'],
      [5, 'medium'],
    ]);
    expect(found[0]!.message).toBe('Function() runs code taken from data the script reads');
  });

  it('takes what a consumer hands its callback for read data: kafkajs, amqplib, readline lines, but not other events', () => {
    const code = lines(
      "import { exec } from 'node:child_process';",
      'await consumer.run({',
      '  eachMessage: async ({ message }) => {',
      '    exec(JSON.parse(message.value.toString()).hook);',
      '  },',
      '  async eachBatch({ batch }) { eval(batch.messages[0].value.toString()); },',
      '});',
      "channel.consume('jobs', (msg) => eval(msg.content.toString()));",
      "rl.on('line', (line) => exec(line));",
      "process.on('exit', (code) => exec(cleanup));",
    );
    expect(scan(code, undefined, 'consume.mjs').map((f) => [f.location.startLine, f.ruleId, f.confidence])).toEqual([
      [4, 'js.command-injection.exec', 'high'],
      [6, 'js.code-injection.eval', 'high'],
      [8, 'js.code-injection.eval', 'high'],
      [9, 'js.command-injection.exec', 'high'],
      [10, 'js.command-injection.exec', 'medium'],
    ]);
  });

  it('does not take a callback as the data its body reads', () => {
    expect(scan(lines('setTimeout(() => { send(req.body); }, 10);', 'setInterval(function () { poll(req.query.u); }, 5);'), ID)).toEqual([]);
  });

  it('does not report literals, callbacks, or methods named eval', () => {
    const code = lines("eval('1 + 1');", 'setTimeout(run, 100);', 'setInterval(() => poll(url), 5);', 'page.evaluate(fn);', 'df.eval(expr);', "new Function('return 1');");
    expect(scan(code, ID)).toEqual([]);
  });
});

describe('js.deserialization.js-yaml-load', () => {
  const ID = 'js.deserialization.js-yaml-load';

  it('reports load without schema at medium, a full schema or js-types at high', () => {
    const code = lines(
      "import yaml, { load } from 'js-yaml';",
      "import types from 'js-yaml-js-types';",
      'load(text);',
      'yaml.loadAll(text, (d) => docs.push(d));',
      'yaml.load(text, { schema: yaml.DEFAULT_FULL_SCHEMA });',
      'yaml.load(text, { schema: yaml.DEFAULT_SCHEMA.extend(types.all) });',
    );
    expect(scan(code, ID, 'cfg.ts').map((f) => [f.location.startLine, f.confidence])).toEqual([
      [3, 'medium'],
      [4, 'medium'],
      [5, 'high'],
      [6, 'high'],
    ]);
  });

  it('does not report other YAML libraries or safe schemas', () => {
    const code = lines("const YAML = require('yaml');", "const jsyaml = require('js-yaml');", 'YAML.parse(t);', 'jsyaml.safeLoad(t);', 'jsyaml.load(t, { schema: jsyaml.FAILSAFE_SCHEMA });', 'jsyaml.dump(o);');
    expect(scan(code, ID)).toEqual([]);
  });
});

describe('js.deserialization.node-serialize', () => {
  const ID = 'js.deserialization.node-serialize';

  it('reports unserialize and serialize-to-js deserialize through aliases', () => {
    const code = lines("const { unserialize: u } = require('node-serialize');", "import { deserialize } from 'serialize-to-js';", 'u(x);', 'deserialize(y);');
    expect(scan(code, ID).map((f) => f.location.startLine)).toEqual([3, 4]);
  });

  it('does not report serialize() or an unrelated unserialize', () => {
    expect(scan(lines("const s = require('node-serialize');", 's.serialize(o);', "const php = require('php-serialize');", 'php.unserialize(x);'), ID)).toEqual([]);
  });
});

describe('js.sql-injection.template', () => {
  const ID = 'js.sql-injection.template';

  it.each([
    ["import { Client } from 'pg';\nconst client = new Client();", 'client.query'],
    ["import pg from 'pg';\nconst pool = new pg.Pool();\nconst c = await pool.connect();", 'c.query'],
    ["const mysql = require('mysql');\nconst connection = mysql.createConnection({});", 'connection.query'],
    ["const sqlite3 = require('sqlite3');\nconst store = new sqlite3.Database(':memory:');", 'store.all'],
    ["import Database from 'better-sqlite3';\nconst store = new Database('x.db');", 'store.prepare'],
    ["const knex = require('knex')({ client: 'pg' });", 'knex.raw'],
    ["import { Sequelize } from 'sequelize';\nconst orm = new Sequelize('sqlite::memory:');", 'orm.query'],
    ["import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();", 'prisma.$queryRawUnsafe'],
    ["import { PrismaClient } from '@prisma/client';\nconst prisma = new PrismaClient();", 'prisma.$executeRawUnsafe'],
    ["const duckdb = require('duckdb');\nconst warehouse = new duckdb.Database(':memory:');", 'warehouse.all'],
    ["import { DuckDBInstance } from '@duckdb/node-api';\nconst connection = await (await DuckDBInstance.create()).connect();", 'connection.runAndReadAll'],
    ["const { BigQuery } = require('@google-cloud/bigquery');\nconst bq = new BigQuery();", 'bq.query'],
  ])('reports %s with %s of a template', (setup, callee) => {
    const findings = scan(lines(setup, `${callee}(\`SELECT * FROM t WHERE id = \${id}\`);`), ID, 'load.ts');
    expect(findings).toMatchObject([{ severity: 'high', confidence: 'high' }]);
  });

  it('reads the text of snowflake-sdk and BigQuery query objects, and leaves their bound parameters alone', () => {
    const code = lines(
      "const snowflake = require('snowflake-sdk');",
      "const { BigQuery } = require('@google-cloud/bigquery');",
      'const sf = snowflake.createConnection({});',
      'const bq = new BigQuery();',
      'sf.execute({ sqlText: `DELETE FROM ${table}` });',
      "bq.createQueryJob({ query: 'SELECT * FROM ' + table });",
      "sf.execute({ sqlText: 'DELETE FROM t WHERE id = ?', binds: [id] });",
      "bq.query({ query: 'SELECT * FROM t WHERE a = @a', params: { a: table } });",
    );
    expect(scan(code, ID, 'load.js').map((f) => [f.location.startLine, f.confidence])).toEqual([
      [5, 'high'],
      [6, 'high'],
    ]);
  });

  it('reports connection-like receivers of unknown origin at medium in files that import a driver', () => {
    const code = lines("import type { PoolClient } from 'pg';", 'export async function f(db: PoolClient, t: string) {', '  return db.query<Row>("SELECT * FROM " + t);', '}');
    expect(scan(code, ID, 'load.ts')).toMatchObject([{ confidence: 'medium' }]);
    expect(scan('export const f = (db, t) => db.query("SELECT * FROM " + t);\n', ID)).toEqual([]);
  });

  it('reports a whole statement taken from a request or from read data, as the driver resolves', () => {
    const code = lines(
      "import pg from 'pg';",
      "import { parse } from 'csv-parse/sync';",
      "import fs from 'node:fs';",
      'const pool = new pg.Pool();',
      "for (const row of parse(fs.readFileSync('queries.csv'))) await pool.query(row.sql);",
      'await pool.query(req.body.sql);',
      'await pool.query(statement);',
      'db.query(req.query.q);',
    );
    expect(scan(code, ID, 'replay.mjs').map((f) => [f.location.startLine, f.confidence, f.message])).toEqual([
      [5, 'high', 'pg.Pool().query() runs SQL text taken from data the script reads; pass values as parameters'],
      [6, 'high', 'pg.Pool().query() runs SQL text taken from request input; pass values as parameters'],
      [8, 'medium', 'db.query() runs SQL text taken from request input; pass values as parameters'],
    ]);
  });

  it('does not take a file\'s raw text for read data: a script running its own schema file is common and safe', () => {
    const code = lines(
      "import pg from 'pg';",
      "import fs from 'node:fs';",
      "import path from 'node:path';",
      'const pool = new pg.Pool();',
      "await pool.query(fs.readFileSync(path.join(import.meta.dirname, 'schema.sql'), 'utf8'));",
      "const seed = await fs.promises.readFile('seed.sql', 'utf8');",
      'await pool.query(seed);',
    );
    expect(scan(code, ID, 'migrate.mjs')).toEqual([]);
  });

  it('accepts parameters, query objects, tagged templates and literal templates', () => {
    const code = lines(
      "const { Pool } = require('pg');",
      "const sql = require('sql-template-strings');",
      'const pool = new Pool();',
      "pool.query('SELECT * FROM t WHERE id = $1', [id]);",
      "pool.query({ text: 'SELECT * FROM t WHERE id = $1', values: [id] });",
      'pool.query(sql`SELECT * FROM t WHERE id = ${id}`);',
      'const q = sql`SELECT ${id}`;',
      'pool.query(q);',
      'pool.query(`SELECT 1`);',
      'pool.query(text);',
    );
    expect(scan(code, ID)).toEqual([]);
  });

  it('takes numbers and booleans computed from input as harmless to splice, and strings built from it not', () => {
    const code = lines(
      "const { Pool } = require('pg');",
      'const pool = new Pool();',
      'const n = Number(req.query.n);',
      'pool.query(`SELECT * FROM t LIMIT ${n}`);',
      'pool.query(`SELECT * FROM t LIMIT ${parseInt(req.query.n, 10)} OFFSET ${Math.max(0, req.query.o)}`);',
      'pool.query(`SELECT * FROM t WHERE n = ${req.body.a * 2} AND ok = ${!req.body.b} AND l = ${req.body.s.length}`);',
      "pool.query('SELECT * FROM t WHERE d > ' + (Date.now() - req.body.age));",
      'pool.query(`SELECT * FROM t WHERE s = ${req.body.s}`);',
      "pool.query('SELECT * FROM t WHERE s = ' + (req.body.s || 'x'));",
      'pool.query(`SELECT * FROM t WHERE s = ${String(req.body.n)}`);',
    );
    expect(scan(code, ID).map((f) => f.location.startLine)).toEqual([8, 9, 10]);
  });
});

describe('js.path-traversal.fs', () => {
  const ID = 'js.path-traversal.fs';

  it('rates request input high, command-line input and other built paths medium or low, and unknown ones low', () => {
    const code = lines(
      "import fs from 'node:fs';",
      "import { readFile } from 'fs/promises';",
      "import path from 'path';",
      'const { file } = req.query;',
      'fs.readFileSync(file);',
      'await readFile(process.argv[2]);',
      "fs.unlinkSync(path.join(dataDir, name + '.csv'));",
      'fs.createWriteStream(out);',
      "fs.renameSync('a.tmp', ctx.params.name);",
      'fs.copyFileSync(process.argv[2], `${req.params.dir}/copy`);',
    );
    const found = scan(code, ID, 'api.ts');
    expect(found.map((f) => [f.location.startLine, f.severity, f.confidence])).toEqual([
      [5, 'high', 'high'],
      [6, 'low', 'low'],
      [7, 'medium', 'low'],
      [8, 'low', 'low'],
      [9, 'high', 'high'],
      [10, 'high', 'high'],
    ]);
    expect(found[1]!.message).toBe("fs.promises.readFile() uses a path built from the command line (trusted as far as the script's operator is)");
  });

  it('rates paths taken from data the script reads high: CSV rows looped over or handed to a callback, HTTP responses', () => {
    const code = lines(
      "import fs from 'node:fs';",
      "import path from 'node:path';",
      "import { parse } from 'csv-parse/sync';",
      "import axios from 'axios';",
      "const rows = parse(fs.readFileSync('landing/files.csv'), { columns: true });",
      "for (const row of rows) fs.writeFileSync(path.join('/out', row.name), '');",
      'rows.forEach((r) => fs.rmSync(`/data/${r.partition}`));',
      'const { data } = await axios.get(feedUrl);',
      'fs.unlinkSync(data.stale);',
      'const manifest = await (await fetch(feedUrl)).json();',
      'fs.readFileSync(manifest.path);',
      "fs.writeFileSync(path.join('/out', path.basename(data.name)), '');",
    );
    const found = scan(code, ID, 'ingest.ts');
    expect(found.map((f) => [f.location.startLine, f.severity, f.confidence])).toEqual([
      [6, 'high', 'high'],
      [7, 'high', 'high'],
      [9, 'high', 'high'],
      [11, 'high', 'high'],
    ]);
    expect(found[0]!.message).toBe('fs.writeFileSync() uses a path built from data the script reads');
  });

  it('leaves a normalised path checked against its base before use alone, and only that', () => {
    const code = lines(
      "import fs from 'node:fs';",
      "import path from 'node:path';",
      "const BASE = path.resolve('exports');",
      "app.get('/a/:name', (req, res) => {",
      '  const file = path.resolve(BASE, req.params.name);',
      "  if (!file.startsWith(BASE + path.sep)) return res.status(403).end();",
      '  fs.createReadStream(file).pipe(res);',
      '});',
      "app.get('/b/:name', async (req, res) => {",
      '  const real = await fs.promises.realpath(path.join(BASE, req.params.name));',
      '  if (real.startsWith(BASE)) {',
      '    res.send(fs.readFileSync(real));',
      '  }',
      '});',
      "app.get('/c/:name', (req, res) => {",
      '  const target = path.join(BASE, req.query.name);',
      '  const rel = path.relative(BASE, target);',
      "  if (rel.startsWith('..') || path.isAbsolute(rel)) {",
      "    throw new Error('outside');",
      '  }',
      '  fs.unlinkSync(target);',
      '});',
      "app.get('/d/:name', (req, res) => {",
      '  const raw = BASE + "/" + req.params.name;',
      "  if (!raw.startsWith(BASE)) return;",
      '  fs.readFileSync(raw);',
      '  const later = path.resolve(BASE, req.params.name);',
      '  fs.readFileSync(later);',
      "  if (!later.startsWith(BASE)) return;",
      '  const logged = path.resolve(BASE, req.params.name);',
      "  if (!logged.startsWith(BASE)) console.warn('outside');",
      '  fs.readFileSync(logged);',
      '});',
    );
    const found = scan(code, ID, 'server.ts');
    // /d: a prefix test on an unnormalised path, a check after the use, and one that does not stop.
    expect(found.map((f) => [f.location.startLine, f.severity])).toEqual([
      [26, 'high'],
      [28, 'high'],
      [32, 'high'],
    ]);
  });

  it('takes an S3 object read through the v3 client as read data', () => {
    const code = lines(
      "import { S3Client, GetObjectCommand } from '@aws-sdk/client-s3';",
      "import * as fs from 'node:fs';",
      'const s3 = new S3Client({});',
      "const obj = await s3.send(new GetObjectCommand({ Bucket: 'landing', Key: 'manifest.json' }));",
      'const manifest = JSON.parse(await obj.Body.transformToString());',
      'fs.unlinkSync(manifest.stale);',
    );
    expect(scan(code, ID, 'sweep.mjs')).toMatchObject([{ severity: 'high', confidence: 'high', location: { startLine: 6 } }]);
  });

  it("takes the text of a file whose path is chosen at run time for read data, not for the path's own origin; a fixed file's text is the script's own", () => {
    const code = lines(
      "import fs from 'node:fs';",
      "import path from 'node:path';",
      'const rows = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));',
      "for (const row of rows) fs.writeFileSync(`/data/${row.name}`, 'x');",
      "const jobs = JSON.parse(await fs.promises.readFile(path.join(inbox, name), 'utf8'));",
      'fs.unlinkSync(jobs.stale);',
      "const config = JSON.parse(fs.readFileSync(path.join(__dirname, 'config.json'), 'utf8'));",
      'fs.unlinkSync(config.stale);',
    );
    expect(scan(code, ID, 'load.mjs').map((f) => [f.location.startLine, f.severity, f.confidence])).toEqual([
      [3, 'low', 'low'],
      [4, 'high', 'high'],
      [5, 'low', 'low'],
      [6, 'high', 'high'],
      [8, 'low', 'low'],
    ]);
  });

  it('accepts literal, __dirname-based and basename-confined paths, and non-fs readFile', () => {
    const code = lines(
      "const fs = require('fs-extra');",
      "const path = require('path');",
      "fs.readFileSync(path.resolve(__dirname, '..', 'schema.json'));",
      "fs.writeFileSync('out/report.csv', data);",
      'fs.readFile(path.join(uploads, path.basename(req.params.name)), cb);',
      'storage.readFile(req.params.name);',
      'fs.existsSync(req.query.p);',
    );
    expect(scan(code, ID)).toEqual([]);
  });
});

describe('js.ssrf.request-url', () => {
  const ID = 'js.ssrf.request-url';

  it('reports URLs from requests and ingested records, in first arguments and config objects', () => {
    const code = lines(
      "const axios = require('axios');",
      "const https = require('https');",
      "const got = require('got');",
      "app.post('/hook', async (req, res) => {",
      '  await axios({ method: "post", url: req.body.callback });',
      '  https.get(req.query.feed, (r) => r.pipe(res));',
      '});',
      'async function sync() {',
      "  const { data } = await axios.get('https://registry.example.com/sources');",
      '  for (const source of data) await got(source.url);',
      '  for (const source of data) await fetch(`${source.base}/export.csv`);',
      '}',
    );
    expect(scan(code, ID).map((f) => [f.location.startLine, f.severity, f.confidence])).toEqual([
      [5, 'high', 'high'],
      [6, 'high', 'high'],
      [10, 'high', 'high'],
      [11, 'high', 'high'],
    ]);
    expect(scan(code, ID)[2]!.message).toBe('got() requests a URL taken from data the script reads; the data chooses which server the pipeline calls');
  });

  it('leaves written-out hosts, command-line URLs and URLs of unknown origin alone', () => {
    const code = lines(
      "const axios = require('axios');",
      "const BASE = 'https://api.example.com/v2/';",
      'async function sync(req, url) {',
      "  const { data } = await axios.get('https://api.example.com/v2/items');",
      '  for (const item of data) await axios.get(BASE + item.id);',
      '  for (const item of data) await axios.get(`https://api.example.com/v2/items/${item.id}`);',
      '  await fetch("https://api.example.com/v2/search?q=" + req.query.q);',
      '  await fetch(process.argv[2]);',
      '  await fetch(url);',
      '}',
    );
    expect(scan(code, ID)).toEqual([]);
  });
});

describe('js.code-injection.dynamic-require', () => {
  const ID = 'js.code-injection.dynamic-require';

  it('reports require() and import() of names from requests and ingested records, not literals or names of unknown origin', () => {
    const code = lines(
      "const { Kafka } = require('kafkajs');",
      "const consumer = new Kafka({ brokers: ['k:9092'] }).consumer({ groupId: 'g' });",
      'consumer.run({ eachMessage: async ({ message }) => {',
      '  const job = JSON.parse(message.value.toString());',
      '  const step = require(job.step);',
      '  await import("./steps/" + job.step);',
      '}});',
      "app.get('/render/:theme', (req) => require(`./themes/${req.params.theme}`));",
      "const fixed = require('./steps/clean');",
      'function load(name) { return require(`./locales/${name}.json`); }',
    );
    expect(scan(code, ID).map((f) => [f.location.startLine, f.confidence])).toEqual([
      [5, 'high'],
      [6, 'high'],
      [8, 'high'],
    ]);
    expect(scan(code, ID)[1]!.message).toBe('import() loads a module named by a value taken from data the script reads, and runs its code');
  });
});

describe('TypeScript and JSX syntax', () => {
  it('analyses type annotations, generics, decorators and enums without errors', () => {
    const code = lines(
      "import { Injectable } from '@nestjs/common';",
      "import { exec } from 'child_process';",
      'enum Mode { Full = "full" }',
      '@Injectable()',
      'export class Runner<T extends object> {',
      '  constructor(@Inject(TOKEN) private readonly cfg: Map<string, T>) {}',
      '  run(table: string): void {',
      '    exec(`psql -c "VACUUM ${table as string}"` satisfies string);',
      '  }',
      '}',
    );
    for (const file of ['runner.ts', 'runner.mts', 'runner.cts']) {
      expect(scan(code, undefined, file).map((f) => f.ruleId)).toEqual(['js.command-injection.exec']);
    }
  });

  it('analyses .tsx and .jsx files with elements', () => {
    const code = lines("import { execSync } from 'child_process';", 'export const View = ({ cmd }: { cmd: string }) => <pre>{execSync(`echo ${cmd}`).toString()}</pre>;');
    expect(scan(code, undefined, 'view.tsx').map((f) => f.ruleId)).toEqual(['js.command-injection.exec']);
    expect(scan(code.replace(': { cmd: string }', ''), undefined, 'view.jsx').map((f) => f.ruleId)).toEqual(['js.command-injection.exec']);
  });
});
