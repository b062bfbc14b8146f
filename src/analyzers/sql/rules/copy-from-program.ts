import { findWord, type SqlRule, statementEnd } from '../sql-rule.js';

export const copyFromProgram: SqlRule = {
  id: 'sql.copy-from-program',
  title: 'COPY … FROM PROGRAM / TO PROGRAM runs a shell command on the database server',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-78'],
  what: 'Finds PostgreSQL COPY (and psql \\copy) statements that read from or write to PROGRAM instead of a file or STDIN/STDOUT.',
  why:
    'COPY … PROGRAM hands its string to the server’s shell as the postgres operating-system user. A load script that ' +
    'uses it needs superuser or pg_execute_server_program, and any value spliced into the command (a file name, a ' +
    'date, a dbt variable) runs commands on the database host with access to every database on it.',
  remediation:
    'Fetch and decompress files in the pipeline worker and stream them with COPY … FROM STDIN (psql \\copy, ' +
    'psycopg copy_expert, pg-copy-streams). Revoke pg_execute_server_program from pipeline roles.',
  bad: [
    {
      file: 'load/events.sql',
      code: "COPY raw.events (id, payload)\nFROM PROGRAM 'gunzip -c /data/landing/events.csv.gz'\nWITH (FORMAT csv, HEADER true);\n",
    },
    { file: 'export/orders.sql', code: "\\copy (SELECT * FROM orders) TO PROGRAM 'gzip > /tmp/orders.csv.gz' CSV\n" },
  ],
  good: [
    {
      file: 'load/events.sql',
      code:
        "COPY raw.events (id, payload) FROM STDIN WITH (FORMAT csv, HEADER true);\n" +
        "COPY raw.program_codes FROM '/data/landing/program_codes.csv' CSV;\n" +
        "-- COPY x FROM PROGRAM 'curl …' was replaced by the loader\n",
    },
  ],
  references: ['https://www.postgresql.org/docs/current/sql-copy.html', 'https://cwe.mitre.org/data/definitions/78.html'],
  check(ctx) {
    const { tokens } = ctx;
    for (const [i, token] of tokens.entries()) {
      if (token.type !== 'word' || token.text !== 'copy') continue;
      const end = statementEnd(tokens, i + 1);
      const program = findWord(tokens, i + 1, end, 'program');
      const direction = tokens[program - 1]?.text;
      if (program === -1 || (direction !== 'from' && direction !== 'to')) continue;
      ctx.report(token.start, tokens[program]!.end, {
        message: `COPY … ${direction.toUpperCase()} PROGRAM runs a shell command on the database server as the postgres OS user`,
      });
    }
  },
};
