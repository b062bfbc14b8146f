import { secretRule } from '../secret-rule.js';

/** One `keyword=value` pair of a libpq connection string; a value may be single-quoted. */
const PAIR = String.raw`\w+[ \t]*=[ \t]*(?:'[^'\n]*'|[^\s'"\n,()]+)`;
/** Commas and parentheses end it: `connect(host=h, password=pw)` is a call's arguments, not a connection string. */
const VALUE = String.raw`'[^'\n]+'|[^\s'"\n,()]+`;
/** Keywords only a libpq connection string holds beside its password. */
const KEYWORD = String.raw`(?:host|hostaddr|dbname|user|port|sslmode)`;

export const libpqConninfo = secretRule({
  id: 'secret.libpq-conninfo',
  title: 'PostgreSQL connection string (key=value) with a password',
  severity: 'high',
  cwe: ['CWE-798', 'CWE-259'],
  specificity: 'structure',
  what:
    'Finds libpq keyword/value connection strings — what psycopg2.connect("host=… dbname=… user=… password=…"), ' +
    'psql "…" and many DSN settings take — whose password is written out.',
  why: 'The string is a complete login to the database the pipeline loads or reads; notebooks and DAGs that hold one share it with everyone who can read the repository.',
  remediation: 'Change the role\'s password; leave it out of the string and let libpq read it from PGPASSWORD, ~/.pgpass or a secret store.',
  anchors: ['password'],
  startsAtAnchor: true,
  // The password, with another libpq keyword before it or after it in the same string.
  pattern: new RegExp(
    String.raw`(?:(?<=\b${KEYWORD}[ \t]*=[ \t]*(?:${VALUE})(?:[ \t]+${PAIR})*[ \t]+)password|\bpassword(?=[ \t]*=[ \t]*(?:${VALUE})(?:[ \t]+${PAIR})*?[ \t]+${KEYWORD}[ \t]*=))` +
      String.raw`[ \t]*=[ \t]*(?<secret>${VALUE})`,
    'i',
  ),
  // A value the code fills in (`{password}`, `%s`, `$PGPASSWORD`) or masks (`***`) is no password.
  verify: (candidate) => (/^'?(?:[{$%<]|\*+'?$)/.test(candidate.secret) ? { reject: true } : undefined),
  bad: [{ file: 'etl/load.py', code: 'conn = psycopg2.connect("host=warehouse.internal dbname=analytics user=loader password=CourseDE888")\n' }],
  good: [
    { file: 'etl/load.py', code: 'conn = psycopg2.connect("host=warehouse.internal dbname=analytics user=loader")  # password from PGPASSWORD\n' },
    { file: 'etl/load.py', code: 'conn = psycopg2.connect(f"host={HOST} dbname=analytics user=loader password={password}")\n' },
  ],
  references: ['https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-KEYWORD-VALUE', 'https://cwe.mitre.org/data/definitions/259.html'],
});
