/** A YAML key that holds a command, alone on its line so that a block list follows: Compose command/entrypoint, Kubernetes command/args, Airflow pod operators' cmds/arguments in YAML. */
const LIST_KEY = /^([ \t]*)(?:-[ \t]+)?(?:command|entrypoint|args|cmds|arguments)[ \t]*:[ \t]*(?:#[^\n]*)?\r?$/gm;
/** One item of a block list: `  - value`. */
const ITEM = /^([ \t]*)-[ \t]+(?=\S)/;

/**
 * The text with each YAML block list under a command key written out on the key's line: the line
 * break and `- ` marker before each item become spaces of the same length, so every offset — and
 * so every reported line — stays the file's, while the readers see
 * `command:     redis-server     --protected-mode     "no"` as one command line.
 */
export function joinCommandLists(text: string): string {
  const blanks: Array<[number, number]> = [];
  for (const key of text.matchAll(LIST_KEY)) {
    // A key written as an item of the list just joined (`- command:`) is that list's text.
    if (key.index < (blanks.at(-1)?.[1] ?? 0)) continue;
    const indent = key[1]!.length;
    // The key line's break (`\r\n` included), then each item's, up to where its value starts.
    let lineEnd = key.index + key[0].length;
    while (lineEnd < text.length) {
      const next = text.indexOf('\n', lineEnd + 1);
      const item = ITEM.exec(text.slice(lineEnd + 1, next === -1 ? text.length : next));
      if (!item || item[1]!.length < indent) break;
      blanks.push([text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd, lineEnd + 1 + item[0].length]);
      lineEnd = next === -1 ? text.length : next;
    }
  }
  if (blanks.length === 0) return text;
  let joined = '';
  let at = 0;
  for (const [from, to] of blanks) {
    joined += text.slice(at, from) + ' '.repeat(to - from);
    at = to;
  }
  return joined + text.slice(at);
}
