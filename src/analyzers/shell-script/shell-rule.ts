import type { ReportOptions } from '../../core/analyzer.js';
import type { RuleMeta } from '../../core/rule.js';
import type { Command } from '../container/dockerfile/shell.js';

/** What a shell-script rule sees: the script's text, its commands, and a way to report a stretch of it. */
export interface ShellContext {
  text: string;
  commands: readonly Command[];
  /** Reports the text from offset `start` to `end`. */
  report(start: number, end: number, options: ReportOptions & { message: string }): void;
}

/** A rule over a shell script as a whole: its docs and metadata, and its check. */
export interface ShellRule extends RuleMeta {
  check(ctx: ShellContext): void;
}
