import { describe, expect, it } from 'vitest';
import { sqlAnalyzer } from '../../../src/analyzers/sql/index.js';
import { analyzeSqlText, scan } from './scan.js';

describe('sql analyzer', () => {
  it('takes .sql files only', () => {
    const entry = { path: 'models/a.sql', absPath: '/r/models/a.sql', size: 1 };
    expect(sqlAnalyzer.required({ ...entry, kind: 'sql' })).toBe(true);
    expect(sqlAnalyzer.required({ ...entry, kind: 'python' })).toBe(false);
  });

  it('locates findings on lines after multi-line comments, strings and Jinja blocks', () => {
    const code = "/* a\n b */ select 'x\ny' {# c\nd #}, {{ var('z') }} from t;\nGRANT ALL ON t TO r;\n";
    const findings = scan(code);
    expect(findings.map((f) => [f.ruleId, f.location.startLine, f.location.startColumn, f.location.snippet])).toEqual([
      ['sql.jinja-unsafe-splice', 4, 7, "d #}, {{ var('z') }} from t;"],
      ['sql.grant-all', 5, 1, 'GRANT ALL ON t TO r;'],
    ]);
  });

  it('reports an unterminated string, comment or Jinja block as a problem and keeps what came before', () => {
    for (const tail of ["select 'oops", 'select /* oops', 'select {{ oops']) {
      const result = analyzeSqlText(`GRANT ALL ON t TO r;\n${tail}\n`);
      expect(result.findings.map((f) => f.ruleId)).toEqual(['sql.grant-all']);
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]!.message).toMatch(/^unterminated .* at line 2/);
    }
  });

  it('keeps PostgreSQL array literals that look like Jinja harmless', () => {
    const result = analyzeSqlText("select '{{1,2},{3,4}}'::int[][];\n");
    expect(result).toMatchObject({ findings: [], errors: [] });
  });

  it('survives hostile input without crashing or taking long', () => {
    const started = performance.now();
    const inputs = [
      `select ${'x || '.repeat(200_000)}1;`,
      `EXECUTE ${'('.repeat(100_000)}'a' || b${')'.repeat(100_000)};`,
      `EXECUTE IMMEDIATE ${'('.repeat(100_000)}`,
      `SET @s = ${'concat('.repeat(50_000)}@x${')'.repeat(50_000)};\nEXEC(@s);`,
      `select {{ ${'var('.repeat(50_000)}'x'${')'.repeat(50_000)} }}`,
      `select {{ ref(${'var('.repeat(50_000)}'x'${')'.repeat(50_000)}) }}`,
      `${'{{ var("a") }}\n'.repeat(20_000)}`,
      `${"'".repeat(100_001)}`,
      `${'$$'.repeat(50_001)} EXECUTE q;`,
      'GRANT '.repeat(100_000),
      `x := ${'a := '.repeat(50_000)} 1;`,
      '\u0000\uffff\ud800 select 1;',
    ];
    for (const code of inputs) {
      const result = analyzeSqlText(code);
      expect(result.errors.filter((e) => e.message.startsWith('analyzer failed'))).toEqual([]);
    }
    expect(performance.now() - started).toBeLessThan(15_000);
  });
});
