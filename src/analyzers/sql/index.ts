import type { AnalyzerOutput, FileAnalyzer, RawFinding, SourceFile } from '../../core/analyzer.js';
import { makeFinding } from '../../core/make-finding.js';
import { SourceText } from '../../core/source-text.js';
import { type JinjaBlock, scanJinja } from './jinja.js';
import { LineIndex } from './lines.js';
import { sqlRules } from './rules/index.js';
import type { Splice, SqlContext } from './sql-rule.js';
import { type Token, tokenize } from './tokenize.js';
import { SqlValues } from './values.js';

export const sqlAnalyzer: FileAnalyzer = {
  name: 'sql',
  category: 'sast',
  rules: sqlRules,
  required: (file) => file.kind === 'sql',
  analyze: analyzeSql,
};

function analyzeSql(file: SourceFile): AnalyzerOutput {
  const jinja = scanJinja(file.text);
  const { tokens, problems } = tokenize(jinja.masked);
  const source = new SourceText(file.text);
  const lines = new LineIndex(file.text);
  const findings: RawFinding[] = [];
  const shared = { tokens, values: new SqlValues(tokens), jinja: jinja.blocks, splices: splicesOf(jinja.blocks, tokens) };
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
  return { findings, problems: [...jinja.problems, ...problems] };
}

/** Each `{{ … }}` block with the context it renders into, told by the masked token covering it. */
function splicesOf(blocks: JinjaBlock[], tokens: Token[]): Splice[] {
  return blocks
    .filter((b) => b.kind === 'expression')
    .map((block) => {
      const token = tokenAt(tokens, block.start);
      // No token covers it: it sits in a comment, or after text the tokenizer gave up on.
      if (!token) return { block, context: 'comment' };
      return { block, context: token.type === 'string' || token.type === 'quoted' ? 'quoted' : 'code' };
    });
}

function tokenAt(tokens: Token[], offset: number): Token | undefined {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid]!;
    if (offset < t.start) hi = mid - 1;
    else if (offset >= t.end) lo = mid + 1;
    else return t;
  }
  return undefined;
}
