import { commandsOf } from '../container/dockerfile/shell.js';
import type { ContainerStart } from '../python/facts.js';
import { namedImages } from '../shell/docker-run.js';
import type { ShellCommand } from './module.js';

/**
 * The containers a notebook's shell escapes (`!docker run …`) and shell cells (`%%bash`, `%sh`)
 * start, on their lines of the raw file: the Python analysis sees only a stand-in for those lines.
 */
export function shellContainerStarts(shell: readonly ShellCommand[]): ContainerStart[] {
  return shell.flatMap((command) => namedImages(commandsOf(command.command)).map((image) => ({ image, line: command.at.line, api: 'shell docker run' })));
}
