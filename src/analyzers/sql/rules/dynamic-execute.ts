import type { ReportOptions } from '../../../core/analyzer.js';
import type { SqlContext, SqlRule } from '../sql-rule.js';
import { findWord } from '../sql-rule.js';
import type { SqlExpression } from '../values.js';

/** Where dynamic SQL is run, and how sure the statement is that its operand is SQL text. */
interface ExecuteSite {
  /** Token index of the keyword reported. */
  at: number;
  /** Token index where the SQL-text expression starts. */
  operand: number;
  /**
   * Always dynamic SQL (EXECUTE IMMEDIATE, sp_executesql, PL/pgSQL EXECUTE): an operand of unknown
   * origin is reported too. Otherwise (a bare EXEC/EXECUTE outside a routine body, which may run a
   * prepared statement or a procedure) only text visibly built by concatenation is.
   */
  alwaysDynamic: boolean;
}

export const dynamicExecute: SqlRule = {
  id: 'sql.dynamic-execute',
  title: 'Dynamic SQL executed from a concatenated string',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-89'],
  what:
    'Finds EXECUTE / EXECUTE IMMEDIATE (PL/pgSQL, Oracle, Snowflake, BigQuery), EXEC(…) and sp_executesql (T-SQL) and ' +
    'PREPARE … FROM (MySQL) whose SQL text is built with ||, +, CONCAT(…), REPLACE(…) or format() with %s, directly ' +
    'or through a variable assigned so in the file. Text quoted with quote_ident/quote_literal/QUOTENAME or ' +
    'format(%I, %L) counts as safe, and so does a parameter or variable declared in the file only with a number, ' +
    'boolean, date, time or UUID type (also through CAST and CONVERT): its text carries no quote. A literal run with ' +
    'USING parameters is safe. Text of unknown origin is reported ' +
    'at medium confidence where the statement always runs dynamic SQL.',
  why:
    'Stored procedures that load, merge or purge partitions often build their statements from table names, dates ' +
    'and filters passed by the scheduler or read from control tables. Concatenated into the text, any of those ' +
    'values can close the statement and run another with the procedure’s (often elevated) rights.',
  remediation:
    'Pass values as parameters (EXECUTE … USING in PL/pgSQL, sp_executesql with a parameter list, EXECUTE stmt USING ' +
    '@v in MySQL). Quote identifiers with format(\'%I\'), quote_ident() or QUOTENAME(), or check them against ' +
    'information_schema first.',
  bad: [
    {
      file: 'procedures/purge_partition.sql',
      code:
        'CREATE OR REPLACE FUNCTION purge_partition(tbl text, cutoff text) RETURNS void AS $$\n' +
        'BEGIN\n' +
        "  EXECUTE 'DELETE FROM ' || tbl || ' WHERE loaded_at < ''' || cutoff || '''';\n" +
        'END;\n' +
        '$$ LANGUAGE plpgsql;\n',
    },
    {
      file: 'procedures/usp_load_table.sql',
      code:
        'CREATE PROCEDURE dbo.usp_load_table @table NVARCHAR(128), @filter NVARCHAR(400) AS\n' +
        'BEGIN\n' +
        "  DECLARE @sql NVARCHAR(MAX) = N'INSERT INTO dw.' + @table + N' SELECT * FROM stage.' + @table + N' WHERE ' + @filter;\n" +
        '  EXEC sp_executesql @sql;\n' +
        'END\n',
    },
    {
      file: 'mysql/rebuild.sql',
      code: "SET @stmt = CONCAT('OPTIMIZE TABLE ', @table_name);\nPREPARE s FROM @stmt;\nEXECUTE s;\n",
    },
  ],
  good: [
    {
      file: 'procedures/purge_partition.sql',
      code:
        'CREATE OR REPLACE FUNCTION purge_partition(tbl text, cutoff date) RETURNS void AS $$\n' +
        'BEGIN\n' +
        "  EXECUTE format('DELETE FROM %I WHERE loaded_at < $1', tbl) USING cutoff;\n" +
        "  EXECUTE 'ANALYZE ' || quote_ident(tbl);\n" +
        'END;\n' +
        '$$ LANGUAGE plpgsql;\n',
    },
    {
      file: 'procedures/usp_load_table.sql',
      code:
        'CREATE PROCEDURE dbo.usp_load_day @day DATE AS\n' +
        'BEGIN\n' +
        "  DECLARE @sql NVARCHAR(MAX) = N'INSERT INTO dw.orders SELECT * FROM stage.orders WHERE order_day = @d';\n" +
        "  EXEC sp_executesql @sql, N'@d DATE', @d = @day;\n" +
        "  EXEC dbo.usp_refresh_stats @table = N'orders';\n" +
        'END\n',
    },
  ],
  references: [
    'https://www.postgresql.org/docs/current/plpgsql-statements.html#PLPGSQL-STATEMENTS-EXECUTING-DYN',
    'https://learn.microsoft.com/sql/relational-databases/system-stored-procedures/sp-executesql-transact-sql',
    'https://cwe.mitre.org/data/definitions/89.html',
  ],
  check(ctx) {
    for (let i = 0; i < ctx.tokens.length; i++) {
      const site = executeSite(ctx, i);
      if (!site) continue;
      const expression = ctx.values.expressionAt(site.operand);
      const options = verdict(expression, site, ctx);
      if (!options) continue;
      const last = ctx.tokens[Math.max(expression.end - 1, site.at)]!;
      ctx.report(ctx.tokens[site.at]!.start, last.end, options);
    }
  },
};

function executeSite(ctx: SqlContext, i: number): ExecuteSite | undefined {
  const { tokens } = ctx;
  const token = tokens[i]!;
  if (token.type !== 'word') return undefined;
  const next = tokens[i + 1];
  switch (token.text) {
    case 'sp_executesql':
      return { at: i, operand: i + 1, alwaysDynamic: true };
    case 'prepare': {
      // MySQL's PREPARE name FROM text; PostgreSQL's PREPARE name AS statement is static.
      const from = findWord(tokens, i + 1, Math.min(i + 3, tokens.length), 'from');
      return from === -1 ? undefined : { at: i, operand: from + 1, alwaysDynamic: true };
    }
    case 'exec':
    case 'execute':
      if (next?.type === 'word' && next.text === 'immediate') return { at: i, operand: i + 2, alwaysDynamic: true };
      // `EXEC sp_executesql …` is reported at sp_executesql; `EXEC sys.sp_executesql` too.
      if (next?.type === 'word' && (next.text === 'sp_executesql' || tokens[i + 3]?.text === 'sp_executesql')) return undefined;
      if (next?.type === 'op' && next.text === '(') return { at: i, operand: i + 1, alwaysDynamic: true };
      return { at: i, operand: i + 1, alwaysDynamic: token.inBody };
    default:
      return undefined;
  }
}

function verdict(expression: SqlExpression, site: ExecuteSite, ctx: SqlContext): ReportOptions | undefined {
  const keyword = ctx.tokens[site.at]!.text.toUpperCase();
  if (expression.kind === 'formatted') {
    return { message: `${keyword} runs SQL text built by concatenation or formatting; a spliced value can change the statement` };
  }
  if (expression.kind === 'unknown' && site.alwaysDynamic && expression.end > expression.start) {
    return {
      message: `${keyword} runs SQL text whose origin is not visible here; make sure no caller-supplied value is spliced into it`,
      severity: 'medium',
      confidence: 'medium',
    };
  }
  return undefined;
}
