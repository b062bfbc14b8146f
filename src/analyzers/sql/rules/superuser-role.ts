import type { Token } from '../tokenize.js';
import { findWord, onEveryDatabase, type SqlRule, statementEnd, wordsAt } from '../sql-rule.js';

/** Role attributes that lift a PostgreSQL role above every permission check (CREATEUSER: Redshift's superuser, PostgreSQL's old spelling). */
const SUPERUSER_ATTRIBUTES = new Set(['superuser', 'createuser']);
/** Snowflake's system roles that administer the account or its grants. */
const ADMIN_ROLES = new Set(['accountadmin', 'securityadmin', 'orgadmin']);
/**
 * Roles whose membership reaches past a PostgreSQL database's permission checks: the predefined
 * roles for the server's files and programs, the managed services' superuser roles, the usual
 * superuser (a member may SET ROLE to it), and — at medium — the roles that read or write every table.
 */
const POWERFUL_ROLES: ReadonlyMap<string, { gives: string; medium?: boolean }> = new Map([
  ['pg_execute_server_program', { gives: 'runs shell commands on the database server through COPY … PROGRAM' }],
  ['pg_write_server_files', { gives: 'writes any file the database server can, through COPY … TO' }],
  ['pg_read_server_files', { gives: 'reads any file the database server can, through COPY … FROM and pg_read_file()' }],
  ['rds_superuser', { gives: 'is the superuser of an Amazon RDS or Aurora instance' }],
  ['cloudsqlsuperuser', { gives: 'is the superuser of a Cloud SQL instance' }],
  ['azure_pg_admin', { gives: 'administers an Azure Database for PostgreSQL server' }],
  ['postgres', { gives: 'may SET ROLE postgres, the superuser' }],
  ['pg_write_all_data', { gives: 'writes every table, whatever the grants on it say', medium: true }],
  ['pg_read_all_data', { gives: 'reads every table, whatever the grants on it say', medium: true }],
]);
/** Words that end the role list of `GRANT role, … TO grantee`. */
const GRANT_CLAUSE = new Set(['grant', 'revoke', 'on', 'to', 'from']);
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
    'or ORGADMIN, MySQL GRANT SUPER or FILE ON *.*, and PostgreSQL grants of roles that reach past the database: ' +
    'pg_execute_server_program, pg_write_server_files, pg_read_server_files, rds_superuser, cloudsqlsuperuser, ' +
    'azure_pg_admin and postgres (pg_read_all_data and pg_write_all_data at medium). NOSUPERUSER and revocations are left alone.',
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
    { file: 'db/init/02-loader.sql', code: 'GRANT pg_read_server_files, pg_execute_server_program TO etl_loader;\n' },
  ],
  good: [
    {
      file: 'db/init/01-roles.sql',
      code: "CREATE ROLE etl_loader WITH LOGIN NOSUPERUSER NOCREATEROLE PASSWORD :'pw';\nGRANT USAGE ON SCHEMA staging TO etl_loader;\nALTER ROLE admin NOSUPERUSER;\n",
    },
    { file: 'snowflake/roles.sql', code: 'GRANT ROLE TRANSFORMER TO USER airflow_svc;\nREVOKE ROLE ACCOUNTADMIN FROM USER airflow_svc;\n' },
    { file: 'db/init/02-loader.sql', code: 'GRANT loader_base TO etl_loader;\nREVOKE pg_execute_server_program FROM etl_loader;\nGRANT SELECT ON postgres TO etl_loader;\n' },
  ],
  references: ['https://www.postgresql.org/docs/current/role-attributes.html', 'https://docs.snowflake.com/en/user-guide/security-access-control-considerations', 'https://cwe.mitre.org/data/definitions/250.html'],
  check(ctx) {
    const { tokens } = ctx;
    for (const [i, token] of tokens.entries()) {
      if (token.type !== 'word') continue;
      const found = roleAttribute(tokens, i) ?? serverRole(tokens, i) ?? adminGrant(tokens, i) ?? powerfulRoleGrant(tokens, i);
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

/** PostgreSQL `GRANT role[, …] TO grantee` of a role in POWERFUL_ROLES, reported on the role's name. */
function powerfulRoleGrant(tokens: readonly Token[], i: number): Grant | undefined {
  const role = POWERFUL_ROLES.get(tokens[i]!.text);
  if (!role) return undefined;
  let start = i - 1;
  while (start >= 0 && (tokens[start]!.text === ',' || (tokens[start]!.type === 'word' && !GRANT_CLAUSE.has(tokens[start]!.text)))) start--;
  if (!wordsAt(tokens, start, 'grant')) return undefined;
  const end = statementEnd(tokens, i);
  const to = findWord(tokens, i + 1, end, 'to', 'on');
  if (to === -1 || tokens[to]!.text !== 'to') return undefined;
  const grantee = tokens[to + 1]?.text ?? 'the grantee';
  return { last: i, message: `${grantee} is granted ${tokens[i]!.text}: it ${role.gives}`, ...(role.medium ? { medium: true } : {}) };
}
