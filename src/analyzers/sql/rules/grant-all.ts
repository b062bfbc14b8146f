import type { ReportOptions } from '../../../core/analyzer.js';
import { scanJinja } from '../jinja.js';
import { findWord, onEveryDatabase, type SqlRule, statementEnd, wordsAt } from '../sql-rule.js';
import { type Token, tokenize } from '../tokenize.js';
import { modelHookTemplates, projectHookTemplates } from '../unsafe-splices.js';

export const grantAll: SqlRule = {
  id: 'sql.grant-all',
  title: 'GRANT ALL privileges, or a grant to PUBLIC',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-732', 'CWE-269'],
  what:
    'Finds GRANT ALL [PRIVILEGES] statements and any GRANT … TO PUBLIC, including those inside ALTER DEFAULT ' +
    'PRIVILEGES, routine bodies and dbt hooks (a model\'s config(post_hook=…), dbt_project.yml\'s +post-hook and ' +
    'on-run-end, property files) and grants configs (config(grants={…}), +grants). A grant to PUBLIC that reads or changes data, or of ALL on every database ' +
    '(MySQL *.*), is high severity; GRANT ALL on a narrower object to a named role is medium, and so is a grant to ' +
    'PUBLIC of only USAGE, CONNECT, EXECUTE or TEMPORARY, which open no rows by themselves (PostgreSQL gives PUBLIC ' +
    'the last three on new databases and functions by default).',
  why:
    'PUBLIC is every role, including the ones created later for BI tools, notebooks and vendors, so a grant to ' +
    'it quietly opens raw and personal data to all of them. ALL includes DELETE, TRUNCATE, TRIGGER and REFERENCES: ' +
    'a pipeline role that only loads data can then destroy or tamper with it, and a stolen pipeline credential ' +
    'is worth far more.',
  remediation:
    'Grant the specific privileges each role needs (SELECT for readers, INSERT/UPDATE on staging tables for ' +
    'loaders) to named roles, and REVOKE ALL ON … FROM PUBLIC on schemas that hold sensitive data.',
  bad: [
    { file: 'migrations/0007_grants.sql', code: 'GRANT ALL PRIVILEGES ON ALL TABLES IN SCHEMA staging TO etl_loader;\n' },
    { file: 'migrations/0008_reporting.sql', code: 'CREATE VIEW reporting.customers AS SELECT * FROM raw.customers;\nGRANT SELECT ON reporting.customers TO PUBLIC;\n' },
    { file: 'mysql/setup.sql', code: "GRANT ALL ON *.* TO 'loader'@'%';\n" },
  ],
  good: [
    {
      file: 'migrations/0007_grants.sql',
      code:
        'REVOKE ALL ON SCHEMA raw FROM PUBLIC;\n' +
        'GRANT USAGE ON SCHEMA staging TO etl_loader;\n' +
        'GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA staging TO etl_loader;\n' +
        '-- GRANT ALL ON staging.events TO PUBLIC;  (kept for history)\n',
    },
  ],
  references: [
    'https://www.postgresql.org/docs/current/sql-grant.html',
    'https://dev.mysql.com/doc/refman/8.0/en/grant.html',
    'https://cwe.mitre.org/data/definitions/732.html',
  ],
  check(ctx) {
    for (const grant of grantsIn(ctx.tokens)) ctx.report(grant.start, grant.end, grant.options);
    // A hook's SQL runs as the model's own statements do; its grants are reported at the hook, once
    // each (a model's grants config is one hook of several statements).
    const reported = new Set<string>();
    for (const hook of [...modelHookTemplates(ctx.jinja), ...projectHookTemplates(ctx.hooks)]) {
      for (const { options } of grantsIn(tokenize(scanJinja(hook.text).masked).tokens)) {
        const message = `${hook.runner}: ${options.message}`;
        const key = `${hook.start}:${hook.end}:${message}`;
        if (reported.has(key)) continue;
        reported.add(key);
        ctx.report(hook.start, hook.end, { ...options, message });
      }
    }
  },
};

type GrantReport = ReportOptions & { message: string };

/** Each GRANT ALL and grant to PUBLIC among the tokens, with the span and options to report it with. */
function grantsIn(tokens: readonly Token[]): Array<{ start: number; end: number; options: GrantReport }> {
  const found: Array<{ start: number; end: number; options: GrantReport }> = [];
  for (const [i, token] of tokens.entries()) {
    if (token.type !== 'word' || token.text !== 'grant') continue;
    const end = grantEnd(tokens, i);
    const all = wordsAt(tokens, i + 1, 'all');
    const to = findWord(tokens, i + 1, end, 'to');
    const toPublic = to !== -1 && wordsAt(tokens, to + 1, 'public');
    if (!all && !toPublic) continue;
    const last = toPublic ? tokens[to + 1]! : tokens[wordsAt(tokens, i + 2, 'privileges') ? i + 2 : i + 1]!;
    found.push({ start: token.start, end: last.end, options: toPublic ? publicGrant(tokens, i, end, all) : allGrant(tokens, i, end) });
  }
  return found;
}

function publicGrant(tokens: readonly Token[], grant: number, end: number, all: boolean): GrantReport {
  const reachOnly = !all && privilegesOf(tokens, grant + 1, end).every((p) => REACH_ONLY.has(p));
  return {
    message: `${all ? 'GRANT ALL' : 'GRANT'} … TO PUBLIC gives ${all ? 'every privilege' : 'these privileges'} to every role, including roles created later${reachOnly ? '; they open no rows by themselves, but every later grant on what they reach goes to everyone who can reach it' : ''}`,
    ...(reachOnly ? { severity: 'medium' as const } : {}),
    cwe: ['CWE-732'],
  };
}

function allGrant(tokens: readonly Token[], grant: number, end: number): GrantReport {
  const everywhere = onEveryDatabase(tokens, grant + 1, end);
  return {
    message: `GRANT ALL gives every privilege (DELETE, TRUNCATE, ALTER…)${everywhere ? ' on every database and table' : ''}; grant only what the role needs`,
    severity: everywhere ? 'high' : 'medium',
    cwe: ['CWE-269'],
  };
}

/** Privileges that let a role reach objects, connect or run functions, but read and change no rows. */
const REACH_ONLY = new Set(['usage', 'connect', 'execute', 'temporary', 'temp']);

/** The privilege words between GRANT and ON (`select`, `insert`…), column lists left out. */
function privilegesOf(tokens: readonly Token[], from: number, to: number): string[] {
  const on = findWord(tokens, from, to, 'on');
  const words: string[] = [];
  let depth = 0;
  for (let k = from; k < (on === -1 ? to : on); k++) {
    const t = tokens[k]!;
    if (t.text === '(') depth++;
    else if (t.text === ')') depth--;
    else if (depth === 0 && t.type === 'word') words.push(t.text);
  }
  return words;
}

/** A GRANT ends at the statement end, or where the next GRANT or REVOKE starts (T-SQL needs no semicolons). */
function grantEnd(tokens: readonly Token[], i: number): number {
  const end = statementEnd(tokens, i + 1);
  const next = findWord(tokens, i + 1, end, 'grant', 'revoke');
  return next === -1 ? end : next;
}

