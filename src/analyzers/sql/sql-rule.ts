import type { ReportOptions } from '../../core/analyzer.js';
import type { RuleMeta } from '../../core/rule.js';
import type { DbtHook } from './dbt-project.js';
import type { JinjaBlock } from './jinja.js';
import type { Token } from './tokenize.js';
import type { SqlValues } from './values.js';

/** Where a `{{ … }}` block lands in the SQL once rendered. */
export type SpliceContext = 'code' | 'quoted' | 'comment';

export interface Splice {
  block: JinjaBlock;
  context: SpliceContext;
}

/** What a SQL rule can ask about the file it is checking. */
export interface SqlContext {
  /** The file's SQL tokens, comments dropped, Jinja expressions masked to one opaque word each. */
  tokens: readonly Token[];
  values: SqlValues;
  /** Every Jinja block, in order; `{% set %}` statements among them. */
  jinja: readonly JinjaBlock[];
  splices: readonly Splice[];
  /** The hooks of a `dbt_project.yml` (which has no SQL of its own); none in a SQL file. */
  hooks: readonly DbtHook[];
  /** Reports the text from offset `start` to offset `end`. */
  report(start: number, end: number, options?: ReportOptions): void;
}

/** A SQL rule: its docs and metadata, and a check over the whole token list. */
export interface SqlRule extends RuleMeta {
  check(ctx: SqlContext): void;
}

/** Statement ends: semicolons, routine body delimiters, and T-SQL's GO batch separator. */
function isStatementEnd(token: Token): boolean {
  return (token.type === 'op' && token.text === ';') || token.type === 'dollar' || (token.type === 'word' && token.text === 'go');
}

/**
 * The index just past the statement that starts at `from`: at its end, or after `limit` tokens
 * so a file without semicolons (T-SQL allows that) does not make every search run to its end.
 */
export function statementEnd(tokens: readonly Token[], from: number, limit = 200): number {
  const last = Math.min(tokens.length, from + limit);
  for (let i = from; i < last; i++) if (isStatementEnd(tokens[i]!)) return i;
  return last;
}

/** The index of the first word among `words` in `[from, to)`, or -1. */
export function findWord(tokens: readonly Token[], from: number, to: number, ...words: string[]): number {
  for (let i = from; i < to; i++) {
    const t = tokens[i]!;
    if (t.type === 'word' && words.includes(t.text)) return i;
  }
  return -1;
}

/** True when the tokens from `at` are the words given, in order. */
export function wordsAt(tokens: readonly Token[], at: number, ...words: string[]): boolean {
  return words.every((w, k) => tokens[at + k]?.type === 'word' && tokens[at + k]!.text === w);
}

/** MySQL's `ON *.*`. */
export function onEveryDatabase(tokens: readonly Token[], from: number, to: number): boolean {
  const on = findWord(tokens, from, to, 'on');
  return on !== -1 && ['*', '.', '*'].every((t, k) => tokens[on + 1 + k]?.text === t);
}
