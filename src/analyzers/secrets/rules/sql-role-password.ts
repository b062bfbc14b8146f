import { secretRule } from '../secret-rule.js';

/**
 * The statement that sets the password, then its password clause within the same statement:
 * `PASSWORD 'x'` / `PASSWORD = 'x'` (PostgreSQL, Redshift, Snowflake, SQL Server's `WITH
 * PASSWORD =`), `IDENTIFIED [WITH plugin] BY 'x'` (MySQL) and Oracle's bare `IDENTIFIED BY x`.
 * `IDENTIFIED BY RANDOM PASSWORD` lets the server choose, so it has no literal.
 */
const STATEMENT = String.raw`\b(?:create|alter)\s+(?:role|user|login)\b[^;]{0,300}?`;
const CLAUSE = String.raw`(?:\b(?:encrypted\s+)?password\s*=?\s*|\bidentified\s+(?:with\s+[\w'"]+\s+)?by\s+(?!random\b|password\b|values\b))`;
const VALUE = String.raw`(?:(?<quote>['"])(?<secret>(?:(?!\k<quote>)[^\s\\]){6,200})\k<quote>|(?<secret2>[A-Za-z][\w$#]{5,29})\b)`;

/** What the server stores instead of the password: PostgreSQL's md5 and SCRAM verifiers, MySQL's native hash. */
const STORED_HASH = /^(?:md5[0-9a-f]{32}|SCRAM-SHA-256\$.+|\*[0-9A-F]{40})$/i;

export const sqlRolePassword = secretRule({
  id: 'secret.sql-role-password',
  title: 'Database role password in SQL',
  severity: 'high',
  cwe: ['CWE-798', 'CWE-259'],
  specificity: 'structure',
  what:
    'Finds the password a CREATE/ALTER ROLE, USER or LOGIN statement sets — PostgreSQL and Redshift `PASSWORD \'…\'`, ' +
    'Snowflake and SQL Server `PASSWORD = \'…\'`, MySQL `IDENTIFIED [WITH plugin] BY \'…\'`, Oracle `IDENTIFIED BY …` — in ' +
    'migrations, init scripts, dbt macros and SQL strings in code. psql variables, bind parameters and RANDOM PASSWORD are ' +
    'left out; a stored hash (md5…, SCRAM-SHA-256$…) is reported down-ranked.',
  why:
    'Init and migration scripts ship in images and run in every environment, so the role they create has the same password ' +
    'everywhere, and everyone who can read the repository can log in as it — often as the pipeline\'s writer or owner role.',
  remediation:
    'Change the role\'s password on every server that ran the script. Create the role without a password and set it at deploy ' +
    'time from a secret (psql `\\password`, `PASSWORD :\'pw\'` with `psql -v`, or a parameter), or use IAM/key-pair authentication.',
  anchors: ['password', 'identified'],
  pattern: new RegExp(STATEMENT + CLAUSE + VALUE, 'i'),
  verify: ({ secret }) => (STORED_HASH.test(secret) ? { doubt: 'the value is a stored password hash, not the password, though md5 hashes still log in' } : undefined),
  bad: [
    { file: 'db/init/01-roles.sql', code: "CREATE ROLE etl_writer WITH LOGIN\n  PASSWORD 'Wr1ter-2024';\n" },
    { file: 'migrations/0003_users.sql', code: "CREATE USER 'loader'@'%' IDENTIFIED WITH mysql_native_password BY 'L0ad3r!pw';\n" },
    { file: 'sql/logins.sql', code: "CREATE LOGIN pipeline WITH PASSWORD = 'P1peline#Login', CHECK_POLICY = OFF;\n" },
    { file: 'oracle/users.sql', code: 'CREATE USER staging IDENTIFIED BY Stag1ngPw DEFAULT TABLESPACE users;\n' },
    { file: 'etl/bootstrap.py', code: 'cur.execute("ALTER ROLE reporter PASSWORD \'R3port-pw\'")\n' },
  ],
  good: [
    { file: 'db/init/01-roles.sql', code: "CREATE ROLE etl_writer WITH LOGIN PASSWORD :'etl_password';\n" },
    { file: 'migrations/0003_users.sql', code: "CREATE USER 'loader'@'%' IDENTIFIED WITH auth_socket;\nALTER USER 'loader'@'%' IDENTIFIED BY RANDOM PASSWORD;\n" },
    { file: 'etl/bootstrap.py', code: 'cur.execute("ALTER ROLE reporter PASSWORD %s", (new_password,))\n' },
  ],
  references: [
    'https://www.postgresql.org/docs/current/sql-createrole.html',
    'https://dev.mysql.com/doc/refman/8.0/en/create-user.html',
    'https://cwe.mitre.org/data/definitions/259.html',
  ],
});
