import { commandsOf, type Command } from '../container/dockerfile/shell.js';
import type { ShellCommand } from './module.js';

/**
 * A notebook's shell commands read as one script, one line each: they run on one file system, so a
 * file one line downloads a later line may run, and a heredoc in a `%%bash` cell is its body, not
 * commands. Offsets of `commands` are into `text`; `commandAt` gives the cell command holding one.
 */
export class NotebookShellScript {
  readonly text: string;
  private parsed: Command[] | undefined;
  private readonly ends: number[] = [];

  constructor(private readonly shell: readonly ShellCommand[]) {
    this.text = shell.map((c) => c.command).join('\n');
    for (const { command } of shell) this.ends.push((this.ends.at(-1) ?? -1) + command.length + 1);
  }

  get commands(): readonly Command[] {
    return (this.parsed ??= commandsOf(this.text));
  }

  commandAt(offset: number): ShellCommand {
    const index = this.ends.findIndex((end) => offset < end);
    return this.shell[index === -1 ? this.shell.length - 1 : index]!;
  }
}
