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

/** A piece of a shell command as IPython expands it: text the shell gets as is, or a Python expression spliced in. */
export type CommandPart = { text: string } | { expression: string; written: string };

export function commandParts(command: string): CommandPart[] {
  const parts: CommandPart[] = [];
  let text = '';
  const splice = (expression: string, written: string) => {
    if (text !== '') parts.push({ text });
    text = '';
    parts.push({ expression, written });
  };
  let singleQuoted = false;
  for (let i = 0; i < command.length; i++) {
    const c = command[i]!;
    if (c === "'") {
      singleQuoted = !singleQuoted;
    } else if (c === '{') {
      if (command[i + 1] === '{') {
        text += '{';
        i++;
        continue;
      }
      const close = command.indexOf('}', i + 1);
      if (close < 0) {
        text += command.slice(i);
        break;
      }
      const expression = command.slice(i + 1, close).trim();
      if (PYTHON_EXPRESSION.test(expression) && !CONSTANT_STYLE.test(expression)) splice(expression, `{${expression}}`);
      else text += command.slice(i, close + 1);
      i = close;
      continue;
    } else if (c === '}' && command[i + 1] === '}') {
      text += '}';
      i++;
      continue;
    } else if (c === '$') {
      if (command[i + 1] === '$') {
        text += '$';
        i++;
        continue;
      }
      DOLLAR_NAME.lastIndex = i + 1;
      const name = singleQuoted ? null : DOLLAR_NAME.exec(command)?.[0];
      if (name && !CONSTANT_STYLE.test(name)) {
        splice(name, `$${name}`);
        i += name.length;
        continue;
      }
    }
    text += c;
  }
  if (text !== '') parts.push({ text });
  return parts;
}

/** The expressions spliced into a command, as written: `{path}`, `$name`. */
export function interpolations(command: string): string[] {
  return commandParts(command).flatMap((p) => ('written' in p ? [p.written] : []));
}

/**
 * The command as the Python f-string IPython in effect builds (`!gzip {name}` runs
 * `get_ipython().system(f'gzip {name}')`), or undefined when nothing is spliced in.
 */
export function asFString(command: string): string | undefined {
  const parts = commandParts(command);
  const expressions = parts.flatMap((p) => ('expression' in p ? [p.expression] : []));
  // Before Python 3.12 an expression cannot hold the quote that delimits its f-string.
  const quote = ["'", '"'].find((q) => !expressions.some((e) => e.includes(q)));
  if (expressions.length === 0 || !quote) return undefined;
  const escaped = new RegExp(`[\\\\${quote}{}]`, 'g');
  const body = parts.map((p) => ('expression' in p ? `{${p.expression}}` : p.text.replace(escaped, (c) => (c === '{' || c === '}' ? c + c : `\\${c}`)))).join('');
  return `f${quote}${body}${quote}`;
}

/**
 * A jupysql query as the splices it makes: jupysql renders `{{ expr }}`, and the older `{expr}` and
 * `$name` forms are expanded too, so all three become IPython's `{expr}` (`:name` is a bound
 * parameter, not a splice).
 */
export function sqlAsIPython(query: string): string {
  return query.replace(/\{\{\s*([^{}]+?)\s*\}\}/g, '{$1}');
}
