/**
 * Splits a shell command into simple commands (at `;`, `&&`, `||`, `|`, `&`) and each into words,
 * with quotes removed. Enough of sh to read `pip install` lines; no expansion is attempted.
 */
export function simpleCommands(command: string): string[][] {
  const commands: string[][] = [[]];
  let word: string | undefined;
  let quote: string | undefined;
  const endWord = () => {
    if (word !== undefined) commands.at(-1)!.push(word);
    word = undefined;
  };
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (quote) {
      if (c === quote) quote = undefined;
      else word += c;
    } else if (c === '"' || c === "'") {
      quote = c;
      word ??= '';
    } else if (c === '\\' && i + 1 < command.length) {
      word = (word ?? '') + command[++i];
    } else if (/\s/.test(c)) {
      endWord();
    } else if (c === ';' || c === '&' || c === '|') {
      endWord();
      if (commands.at(-1)!.length > 0) commands.push([]);
    } else {
      word = (word ?? '') + c;
    }
  }
  endWord();
  return commands.filter((c) => c.length > 0);
}
