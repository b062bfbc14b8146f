/** Where the command starting at `from` ends: the end of its line, past backslash continuations. */
export function endOfCommand(text: string, from: number): number {
  let at = from;
  for (;;) {
    const eol = text.indexOf('\n', at);
    if (eol === -1) return text.length;
    if (!/\\\r?$/.test(text.slice(at, eol))) return eol;
    at = eol + 1;
  }
}
