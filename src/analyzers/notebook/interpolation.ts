/**
 * The Python expressions IPython splices into a shell command before running it: `{expr}` and
 * `$name` (`{{`, `}}` and `$$` are literal; `$` is left alone inside single quotes).
 */

// A name, attribute, subscript or call, with an optional format spec: what a user splices in.
// `{print $1}` (awk) and `{}` (find -exec) do not look like this, and IPython fails on them too.
const PYTHON_EXPRESSION = /^[A-Za-z_][\w.]*(?:\[[^\]]*\]|\([^()]*\))*(?:![rsa])?(?::[^{}]*)?$/;
const DOLLAR_NAME = /[A-Za-z_][\w.]*/y;
/**
 * ALL_CAPS names are environment variables (`$HOME`, `${PATH}`) or module constants by
 * convention: neither carries data into the command.
 */
const CONSTANT_STYLE = /^[A-Z][A-Z0-9_]*$/;

export function interpolations(command: string): string[] {
  const found: string[] = [];
  let singleQuoted = false;
  for (let i = 0; i < command.length; i++) {
    const c = command[i];
    if (c === "'") {
      singleQuoted = !singleQuoted;
    } else if (c === '{') {
      if (command[i + 1] === '{') {
        i++;
        continue;
      }
      const close = command.indexOf('}', i + 1);
      if (close < 0) break;
      const expression = command.slice(i + 1, close).trim();
      if (PYTHON_EXPRESSION.test(expression) && !CONSTANT_STYLE.test(expression)) found.push(`{${expression}}`);
      i = close;
    } else if (c === '$') {
      if (command[i + 1] === '$') {
        i++;
        continue;
      }
      DOLLAR_NAME.lastIndex = i + 1;
      const name = singleQuoted ? null : DOLLAR_NAME.exec(command)?.[0];
      if (name && !CONSTANT_STYLE.test(name)) found.push(`$${name}`);
    }
  }
  return found;
}
