import type { ReportOptions } from '../../core/analyzer.js';
import type { RuleMeta } from '../../core/rule.js';
import type { ShellCommand } from './module.js';
import type { Notebook, RawSpan } from './notebook.js';
import type { NotebookShellScript } from './shell-script.js';

/** What a notebook rule sees: the cells with their outputs, and the shell commands of code cells. */
export interface NotebookContext {
  notebook: Notebook;
  shell: readonly ShellCommand[];
  /** The same commands as one script, for rules that read commands the shell's way (pipes, heredocs, files across lines). */
  script: NotebookShellScript;
  /** The `%sql` lines and `%%sql` cells of code cells. */
  queries: readonly ShellCommand[];
  /**
   * Reports at a place in the raw .ipynb file; `snippet` is what the user reads as the code of the
   * finding (the cell line, or an output line with personal data redacted). The message should
   * name the cell, since the raw line alone means little to a reader.
   */
  report(at: RawSpan, snippet: string, options: ReportOptions & { message: string }): void;
  /** Reports at the cell command that holds `offset` of `script`, the message naming its cell and line. */
  reportInScript(offset: number, options: ReportOptions & { message: string }): void;
}

/** A rule over a notebook as a whole: its docs and metadata, and its check. */
export interface NotebookRule extends RuleMeta {
  check(ctx: NotebookContext): void;
}
