import type { SignalRule } from './signal-rule.js';

export const signalSqlFragment: SignalRule = {
  id: 'data.signal.sql-fragment',
  signal: 'sqlFragment',
  title: "Values carry SQL injection fragments",
  category: 'data',
  severity: 'medium',
  confidence: 'medium',
  cwe: ['CWE-89'],
  what: "Counts text values with SQL injection shapes: UNION SELECT, a quote followed by OR/AND and a comparison, OR 1=1, a stacked DROP/DELETE/INSERT, SLEEP/pg_sleep/BENCHMARK/WAITFOR DELAY, xp_cmdshell, a quote closed by a comment.",
  why: "Data that reaches a SQL string built by concatenation downstream (a report query, a dbt macro) executes as code; a batch full of probes is also a sign that an upstream form is being attacked.",
  remediation: "Bind values as parameters everywhere the column is used in SQL, and reject or quarantine records carrying these fragments.",
  bad: [{ file: 'data.csv', code: "id,username\n1,\"x' OR 1=1 --\"\n2,alice\n" }],
  good: [{ file: 'data.csv', code: "id,username\n1,o'brien\n2,alice\n" }],
  references: ['https://owasp.org/www-community/attacks/SQL_Injection', 'https://cwe.mitre.org/data/definitions/89.html'],
};
