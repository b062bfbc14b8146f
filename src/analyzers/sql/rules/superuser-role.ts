import type { Token } from '../tokenize.js';
import { findWord, onEveryDatabase, type SqlRule, statementEnd, wordsAt } from '../sql-rule.js';

/** Role attributes that lift a PostgreSQL role above every permission check (CREATEUSER: Redshift's superuser, PostgreSQL's old spelling). */
const SUPERUSER_ATTRIBUTES = new Set(['superuser', 'createuser']);
/** Snowflake's system roles that administer the account or its grants. */
const ADMIN_ROLES = new Set(['accountadmin', 'securityadmin', 'orgadmin']);
/** MySQL global privileges that reach past the data: server administration, and the server's files. */
const SERVER_PRIVILEGES = new Set(['super', 'file']);

export const superuserRole: SqlRule = {
  id: 'sql.superuser-role',
  title: 'Role given superuser or administrator rights',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-250', 'CWE-269'],
  what:
    'Finds roles made superuser or administrator in migrations and init scripts: PostgreSQL CREATE/ALTER ROLE or USER ' +
    '… SUPERUSER (Redshift CREATEUSER; BYPASSRLS, which skips row-level security, at medium), SQL Server ALTER SERVER ' +
    'ROLE sysadmin ADD MEMBER and sp_addsrvrolemember …, \'sysadmin\', Snowflake GRANT ROLE ACCOUNTADMIN, SECURITYADMIN ' +
    'or ORGADMIN, and MySQL GRANT SUPER or FILE ON *.*. NOSUPERUSER and revocations are left alone.',
  why:
    'A pipeline role is the credential most often leaked — in a DAG connection, a notebook, an ingestion container. As ' +
    'superuser it reads and rewrites every schema, turns off auditing and row-level security, and on PostgreSQL runs ' +
    'shell commands on the server through COPY … PROGRAM; on MySQL, FILE reads and writes the server\'s files.',
  remediation:
    'Create the role with NOSUPERUSER and grant it what the job touches: USAGE on its schemas and SELECT/INSERT on its ' +
    'tables; keep administration with a separate, human-held role.',
  bad: [
    { file: 'db/init/01-roles.sql', code: "CREATE ROLE etl_loader WITH LOGIN SUPERUSER PASSWORD :'pw';\n" },
    { file: 'sql/logins.sql', code: 'ALTER SERVER ROLE sysadmin ADD MEMBER pipeline;\n' },
    { file: 'snowflake/roles.sql', code: 'GRANT ROLE ACCOUNTADMIN TO USER airflow_svc;\n' },
  ],
  good: [
    {
      file: 'db/init/01-roles.sql',
      code: "CREATE ROLE etl_loader WITH LOGIN NOSUPERUSER NOCREATEROLE PASSWORD :'pw';\nGRANT USAGE ON SCHEMA staging TO etl_loader;\nALTER ROLE admin NOSUPERUSER;\n",
    },
    { file: 'snowflake/roles.sql', code: 'GRANT ROLE TRANSFORMER TO USER airflow_svc;\nREVOKE ROLE ACCOUNTADMIN FROM USER airflow_svc;\n' },
  ],
  references: ['https://www.postgresql.org/docs/current/role-attributes.html', 'https://docs.snowflake.com/en/user-guide/security-access-control-considerations', 'https://cwe.mitre.org/data/definitions/250.html'],
  check(ctx) {
    const { tokens } = ctx;
    for (const [i, token] of tokens.entries()) {
      if (token.type !== 'word') continue;
      const found = roleAttribute(tokens, i) ?? serverRole(tokens, i) ?? adminGrant(tokens, i);
      if (found) ctx.report(token.start, tokens[found.last]!.end, { message: found.message, ...(found.medium ? { severity: 'medium' as const } : {}) });
    }
  },
};

interface Grant {
  last: number;
  message: string;
  medium?: boolean;
}

/** `CREATE|ALTER ROLE|USER name … SUPERUSER` (or BYPASSRLS) within the statement. */
function roleAttribute(tokens: readonly Token[], i: number): Grant | undefined {
  if (!((wordsAt(tokens, i, 'create') || wordsAt(tokens, i, 'alter')) && (wordsAt(tokens, i + 1, 'role') || wordsAt(tokens, i + 1, 'user')))) return undefined;
  const end = statementEnd(tokens, i);
  const name = tokens[i + 2]?.text ?? 'the role';
  const superuser = findWord(tokens, i + 2, end, ...SUPERUSER_ATTRIBUTES);
  if (superuser !== -1) return { last: superuser, message: `${name} is made ${tokens[superuser]!.text.toUpperCase()}: every permission check, row-level security included, is skipped for it` };
  const bypass = findWord(tokens, i + 2, end, 'bypassrls');
  return bypass === -1 ? undefined : { last: bypass, message: `${name} gets BYPASSRLS: row-level security policies do not apply to it`, medium: true };
}

/** SQL Server: `ALTER SERVER ROLE sysadmin ADD MEMBER x`, `sp_addsrvrolemember 'x', 'sysadmin'`. */
function serverRole(tokens: readonly Token[], i: number): Grant | undefined {
  if (wordsAt(tokens, i, 'alter', 'server', 'role', 'sysadmin', 'add', 'member')) {
    return { last: i + 6 < tokens.length ? i + 6 : i + 5, message: `${tokens[i + 6]?.text ?? 'a login'} is added to sysadmin, which may do anything on the server` };
  }
  if (tokens[i]!.text !== 'sp_addsrvrolemember') return undefined;
  const end = statementEnd(tokens, i, 12);
  for (let k = i + 1; k < end; k++) {
    if (tokens[k]!.type === 'string' && /^n?'sysadmin'$/i.test(tokens[k]!.text)) return { last: k, message: 'sp_addsrvrolemember adds a login to sysadmin, which may do anything on the server' };
  }
  return undefined;
}

/** Snowflake `GRANT ROLE ACCOUNTADMIN TO …`; MySQL `GRANT SUPER|FILE … ON *.*`. */
function adminGrant(tokens: readonly Token[], i: number): Grant | undefined {
  if (tokens[i]!.text !== 'grant') return undefined;
  const role = tokens[i + 2];
  if (wordsAt(tokens, i + 1, 'role') && role?.type === 'word' && ADMIN_ROLES.has(role.text)) {
    return { last: i + 2, message: `GRANT ROLE ${role.text.toUpperCase()} hands over administration of the whole account` };
  }
  const end = statementEnd(tokens, i);
  if (!onEveryDatabase(tokens, i + 1, end)) return undefined;
  const on = findWord(tokens, i + 1, end, 'on');
  const privilege = tokens.slice(i + 1, on).find((t) => t.type === 'word' && SERVER_PRIVILEGES.has(t.text));
  if (!privilege) return undefined;
  return { last: on - 1, message: privilege.text === 'super' ? 'GRANT SUPER lets the account administer the MySQL server (kill sessions, change global settings, skip read_only)' : 'GRANT FILE lets the account read and write any file the MySQL server can, through LOAD DATA INFILE and SELECT … INTO OUTFILE' };
}
