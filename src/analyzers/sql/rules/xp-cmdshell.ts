import type { Token } from '../tokenize.js';
import type { SqlRule } from '../sql-rule.js';

export const xpCmdshell: SqlRule = {
  id: 'sql.xp-cmdshell',
  title: 'xp_cmdshell runs operating-system commands from SQL Server',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-78'],
  what: "Finds calls of xp_cmdshell and sp_configure 'xp_cmdshell', 1 (enabling it). Disabling it (…, 0) is not reported.",
  why:
    'xp_cmdshell starts a Windows command shell as the SQL Server service account. ETL jobs use it to move files ' +
    'or call bcp, but once enabled it is enabled for every login with the right to run it, and any string spliced ' +
    'into the command — a file name from a control table, say — runs commands on the database server.',
  remediation:
    'Move file handling to the orchestrator (SSIS, Airflow, a worker container) and keep xp_cmdshell disabled. ' +
    'Where a command is unavoidable, use a SQL Agent job step with a dedicated proxy account.',
  bad: [
    { file: 'etl/archive_exports.sql', code: "EXEC master..xp_cmdshell 'move D:\\exports\\*.csv D:\\archive\\';\n" },
    {
      file: 'setup/enable.sql',
      code: "EXEC sp_configure 'show advanced options', 1;\nRECONFIGURE;\nEXEC sp_configure 'xp_cmdshell', 1;\nRECONFIGURE;\n",
    },
  ],
  good: [
    {
      file: 'setup/harden.sql',
      code:
        "EXEC sp_configure 'xp_cmdshell', 0;\nRECONFIGURE;\n" +
        "-- EXEC xp_cmdshell 'dir' was removed\n" +
        "PRINT 'xp_cmdshell stays disabled';\n",
    },
  ],
  references: [
    'https://learn.microsoft.com/sql/relational-databases/system-stored-procedures/xp-cmdshell-transact-sql',
    'https://cwe.mitre.org/data/definitions/78.html',
  ],
  check(ctx) {
    const { tokens } = ctx;
    for (const [i, token] of tokens.entries()) {
      if (token.type !== 'word') continue;
      if (token.text === 'xp_cmdshell') {
        ctx.report(token.start, token.end, { message: 'xp_cmdshell runs an operating-system command as the SQL Server service account' });
      } else if (token.text === 'sp_configure' && enablesCmdshell(tokens, i + 1)) {
        ctx.report(token.start, tokens[i + 3]!.end, { message: "sp_configure 'xp_cmdshell', 1 enables operating-system commands from SQL" });
      }
    }
  },
};

/** `'xp_cmdshell', 1` (or N'…', or in parentheses-free EXEC form) from `at`. */
function enablesCmdshell(tokens: readonly Token[], at: number): boolean {
  const name = tokens[at];
  const value = tokens[at + 2];
  return (
    name?.type === 'string' &&
    /^n?'xp_cmdshell'$/i.test(name.text) &&
    tokens[at + 1]?.text === ',' &&
    value?.type === 'number' &&
    Number(value.text) !== 0
  );
}
