import type { ContainerStart } from '../python/facts.js';
import { namedImages } from '../shell/docker-run.js';
import type { NotebookShellScript } from './shell-script.js';

/**
 * The containers a notebook's shell escapes (`!docker run …`) and shell cells (`%%bash`, `%sh`)
 * start, on their lines of the raw file: the Python analysis sees only a stand-in for those lines.
 */
export function shellContainerStarts(script: NotebookShellScript): ContainerStart[] {
  return namedImages(script.commands).map((image) => ({ image: image.text.trim(), line: script.commandAt(image.start).at.line, api: 'shell docker run' }));
}
