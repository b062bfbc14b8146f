import { type SqlRule, wordsAt } from '../sql-rule.js';

/** Options allowed between LOAD DATA and LOCAL. */
const PRIORITIES = new Set(['low_priority', 'concurrent']);

export const loadDataLocal: SqlRule = {
  id: 'sql.load-data-local',
  title: 'LOAD DATA LOCAL INFILE lets the server ask the client for files',
  category: 'sast',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-73', 'CWE-200'],
  what: 'Finds MySQL/MariaDB LOAD DATA LOCAL INFILE and LOAD XML LOCAL INFILE statements.',
  why:
    'With LOCAL, the client reads the file and sends it to the server, and the MySQL protocol lets the server name ' +
    'the file it wants: a rogue or compromised server (or a man in the middle without TLS) can read any file the ' +
    'loader can — SSH keys, cloud credentials, .env files on the pipeline worker. It also requires local_infile to ' +
    'be enabled on both sides, widening every other client’s exposure.',
  remediation:
    'Stage files where the server can read them and use LOAD DATA INFILE without LOCAL (restricted by ' +
    'secure_file_priv), or insert rows through the client library in batches. Keep local_infile off.',
  bad: [
    {
      file: 'load/customers.sql',
      code: "LOAD DATA LOCAL INFILE '/tmp/customers.csv'\nINTO TABLE staging.customers\nFIELDS TERMINATED BY ',' IGNORE 1 LINES;\n",
    },
  ],
  good: [
    {
      file: 'load/customers.sql',
      code:
        "LOAD DATA INFILE '/var/lib/mysql-files/customers.csv'\nINTO TABLE staging.customers\nFIELDS TERMINATED BY ',' IGNORE 1 LINES;\n" +
        "SELECT 'LOAD DATA LOCAL INFILE is disabled' AS note;\n",
    },
  ],
  references: [
    'https://dev.mysql.com/doc/refman/8.0/en/load-data-local-security.html',
    'https://cwe.mitre.org/data/definitions/73.html',
  ],
  check(ctx) {
    const { tokens } = ctx;
    for (const [i, token] of tokens.entries()) {
      if (!wordsAt(tokens, i, 'load') || !(wordsAt(tokens, i + 1, 'data') || wordsAt(tokens, i + 1, 'xml'))) continue;
      const local = PRIORITIES.has(tokens[i + 2]?.text ?? '') ? i + 3 : i + 2;
      if (!wordsAt(tokens, local, 'local', 'infile')) continue;
      ctx.report(token.start, tokens[local + 1]!.end, {
        message: `LOAD ${tokens[i + 1]!.text.toUpperCase()} LOCAL INFILE lets the server request any file the client can read`,
      });
    }
  },
};
