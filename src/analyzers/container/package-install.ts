import type { DockerContext } from './docker-rule.js';
import { programIndex, programName, type Command, type Script, type Word } from './dockerfile/shell.js';

/** One package-manager install command: the words after its subcommand, split into options and package arguments. */
export interface InstallCommand {
  script: Script;
  options: Word[];
  packages: Word[];
}

/**
 * Finds install commands. `subcommandAt` says, for a command and the index of its program, where
 * the arguments of an install start (or -1 when the command installs nothing); `valueOptions`
 * are the options that take the next word as their value.
 */
export function installCommands(scripts: readonly Script[], subcommandAt: (command: Command, at: number) => number, valueOptions: ReadonlySet<string>): InstallCommand[] {
  return scripts.flatMap((script) =>
    script.commands.flatMap((command) => {
      const at = programIndex(command);
      const from = at === -1 ? -1 : subcommandAt(command, at);
      if (from === -1) return [];
      const options: Word[] = [];
      const packages: Word[] = [];
      const words = command.words.slice(from);
      for (let i = 0; i < words.length; i++) {
        const word = words[i]!;
        if (!word.text.startsWith('-')) packages.push(word);
        else {
          options.push(word);
          if (valueOptions.has(word.text)) i++;
        }
      }
      return [{ script, options, packages }];
    }),
  );
}

/** The index after `subcommand` when it is the first non-option word after the program (`apt-get -y install`), else -1. */
export function afterSubcommand(command: Command, at: number, subcommands: readonly string[], valueOptions: ReadonlySet<string> = new Set()): number {
  for (let i = at + 1; i < command.words.length; i++) {
    const text = command.words[i]!.text;
    if (text.startsWith('-')) {
      if (valueOptions.has(text)) i++;
      continue;
    }
    return subcommands.includes(text) ? i + 1 : -1;
  }
  return -1;
}

export function isProgram(command: Command, at: number, name: RegExp): boolean {
  return name.test(programName(command.words[at]!.text));
}

/** A package argument that build arguments or variables decide (`$PKG`, `"pandas==${V}"`) cannot be judged. */
export function isVariable(word: Word): boolean {
  return word.text.includes('$');
}

/** Reports the unpinned packages of one install, once, spanning them. */
export function reportUnpinned(ctx: DockerContext, install: InstallCommand, unpinned: Word[], manager: string): void {
  if (unpinned.length === 0) return;
  const names = unpinned.map((w) => w.text);
  const shown = names.length > 5 ? `${names.slice(0, 5).join(', ')} and ${names.length - 5} more` : names.join(', ');
  ctx.report(install.script.text, unpinned[0]!.start, unpinned.at(-1)!.end, { message: `${manager} installs ${shown} without a pinned version` });
}
