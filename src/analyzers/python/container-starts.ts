import { namedImages } from '../shell/docker-run.js';
import { argument, type CallSite } from './call-site.js';
import { startsContainer } from './docker-host-access.js';
import type { ContainerStart } from './facts.js';
import type { PythonContext } from './python-rule.js';
import { startedCommand, writtenShellScripts } from './shell-scripts.js';

/**
 * The containers a call starts, with the image where the code names it: docker-py's and podman-py's
 * `containers.run`/`create` (a literal or constant image), and `docker run` command lines in argv
 * lists, shell strings and Airflow shell commands (an image known only at run time, `{image}`, is
 * left out).
 */
export function containerStarts(call: CallSite, ctx: PythonContext): ContainerStart[] {
  const line = call.node.startPosition.row + 1;
  const api = call.name ?? '';
  if (startsContainer(call)) {
    const image = argument(call, 0, 'image');
    const name = image ? ctx.constantOf(image) : undefined;
    return typeof name === 'string' && name.trim() !== '' ? [{ image: name.trim(), line, api }] : [];
  }
  const started = startedCommand(call, ctx);
  const commands = [...(started ? [started.command] : []), ...writtenShellScripts(call, ctx).flatMap((script) => script.commands)];
  return namedImages(commands).map((image) => ({ image: image.text.trim(), line, api: `${api} docker run` }));
}
