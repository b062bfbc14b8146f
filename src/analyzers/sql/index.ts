import type { AnalyzerOutput, FileAnalyzer, RawFinding, SourceFile } from '../../core/analyzer.js';
import { makeFinding } from '../../core/make-finding.js';
import { SourceText } from '../../core/source-text.js';
import { dbtHooks, isDbtProject, mayBeDbtPropertyFile } from './dbt-project.js';
import { scanJinja } from './jinja.js';
import { LineIndex } from './lines.js';
import { sqlRules } from './rules/index.js';
import type { SqlContext } from './sql-rule.js';
import { tokenize } from './tokenize.js';
import { splicesOf } from './unsafe-splices.js';
import { SqlValues } from './values.js';

export const sqlAnalyzer: FileAnalyzer = {
  name: 'sql',
  category: 'sast',
  rules: sqlRules,
  required: (file) => file.kind === 'sql' || isDbtYaml(file.path),
  analyze: analyzeSql,
};

/** dbt_project.yml, or a YAML file where dbt keeps property files (whose hooks run SQL). */
function isDbtYaml(path: string): boolean {
  return isDbtProject(path) || mayBeDbtPropertyFile(path);
}

/** A SQL file's tokens and templates; a dbt project or property file's hooks, which only the hook-aware rules read. */
function contentsOf(file: SourceFile): Omit<SqlContext, 'report'> & { problems: string[] } {
  if (isDbtYaml(file.path)) {
    const { hooks, problems } = dbtHooks(file.text, file.path);
    return { tokens: [], values: new SqlValues([]), jinja: [], splices: [], hooks, problems };
  }
  const jinja = scanJinja(file.text);
  const { tokens, problems } = tokenize(jinja.masked);
  return { tokens, values: new SqlValues(tokens), jinja: jinja.blocks, splices: splicesOf(jinja.blocks, tokens), hooks: [], problems: [...jinja.problems, ...problems] };
}

function analyzeSql(file: SourceFile): AnalyzerOutput {
  const { problems, ...shared } = contentsOf(file);
  const source = new SourceText(file.text);
  const lines = new LineIndex(file.text);
  const findings: RawFinding[] = [];
  for (const rule of sqlRules) {
    const ctx: SqlContext = {
      ...shared,
      report(start, end, options) {
        const from = lines.position(start);
        const to = lines.position(end);
        const range = { startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column };
        findings.push(makeFinding(rule, file.path, source, range, options));
      },
    };
    rule.check(ctx);
  }
  return { findings, problems };
}
