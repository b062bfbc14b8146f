import { MappedText } from './mapped-text.js';
import type { Dockerfile, Heredoc, Instruction } from './parse.js';

/** A shell word with its quotes removed, and where it was written in the script. */
export interface Word {
  text: string;
  start: number;
  end: number;
  /** Some of it was quoted: the shell does not split what a variable in it expands to. */
  quoted?: boolean;
}

/**
 * A simple command, and the operator that joins it to the one before ('|' means it reads that one's
 * output). A command inside a command substitution comes before the command that encloses it, one
 * `depth` deeper, so the commands of one depth keep their order and their pipes.
 */
export interface Command {
  words: Word[];
  after: string;
  depth: number;
}

/** A shell script of a RUN instruction: its shell-form arguments, a heredoc body, or `sh -c`'s script in exec form. */
export interface Script {
  instruction: Instruction;
  text: MappedText;
  commands: Command[];
}

const OPERATORS = ['&&', '||', '|', ';', '&', '\n', '(', ')'];
const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ash', 'ksh']);
/** Substitutions nested deeper than this are only text: no script nests so far, and a crafted one must not exhaust the stack. */
const MAX_DEPTH = 16;
/**
 * Programs that run the command after their own options (`sudo -E pip install …`): the options of
 * each that take a value as the next word, and how many operands come before the command
 * (`timeout 60 docker run …`).
 */
const WRAPPERS = new Map<string, { valued: RegExp; operands: number }>([
  ['sudo', { valued: /^-[ugCDhprtT]$/, operands: 0 }],
  ['doas', { valued: /^-[uC]$/, operands: 0 }],
  ['env', { valued: /^-[uCS]$/, operands: 0 }],
  ['exec', { valued: /^-a$/, operands: 0 }],
  ['time', { valued: /^-[fo]$/, operands: 0 }],
  ['nohup', { valued: /^$/, operands: 0 }],
  ['command', { valued: /^$/, operands: 0 }],
  ['timeout', { valued: /^-[sk]$/, operands: 1 }],
  ['nice', { valued: /^-n$/, operands: 0 }],
  ['ionice', { valued: /^-[cnp]$/, operands: 0 }],
  ['setsid', { valued: /^$/, operands: 0 }],
  ['stdbuf', { valued: /^-[ioe]$/, operands: 0 }],
]);
/** Programs whose `exec` runs the command after `--` in a container or instance: `lxc exec web -- docker run …`. */
const REMOTE_EXECS = new Set(['lxc', 'incus', 'kubectl', 'oc']);

/** `<<EOF`, `<<-EOF`, `<< "EOF"`, `<<'EOF'` — but not a here-string (`<<<`). */
const HEREDOC_REDIRECT = /^<<(-?)\s*(["']?)([A-Za-z_][\w.-]*)\2/;

/** A heredoc whose body starts after the line that opens it, and the words of the command that reads it. */
interface PendingHeredoc {
  name: string;
  stripTabs: boolean;
  reader: Word[];
}

/**
 * Splits a shell script into simple commands: quotes and backslash escapes are honoured, comments
 * dropped, and `&&`, `||`, `;`, `|`, `&`, newlines and subshells end a command. A command
 * substitution (`$(…)` or backquotes, quoted or not) or a process substitution (`<(…)`) stays part
 * of its word, so `docker run -v $(pwd):/src --privileged img` keeps its options, and its own
 * commands are listed too, one depth deeper, as are the script of a shell's `-c` and the command
 * of `kubectl exec … --`; arithmetic (`$((…))`) is only text. A heredoc's body is data, not
 * commands, unless a shell reads it (`bash <<EOF`): then its commands follow. Enough to find which
 * program a script runs with which arguments; no expansion.
 */
export function commandsOf(script: string, depth = 0): Command[] {
  const commands: Command[] = [];
  let words: Word[] = [];
  let after = '';
  let word: Word | undefined;
  let heredocs: PendingHeredoc[] = [];
  const endWord = () => {
    if (word) words.push(word);
    word = undefined;
  };
  /** Where the commands listed while this command's words were read begin (its substitutions'). */
  let listedFrom = 0;
  const endCommand = (operator: string) => {
    endWord();
    if (words.length > 0) {
      const inline = depth < MAX_DEPTH ? inlineScript(words) : undefined;
      if (inline) {
        // The script's own substitutions were listed as its word was read; reading the script lists them again, in their place.
        const listed = commands.splice(listedFrom);
        const inScript = commandsOf(inline.text, depth + 1).map((command) => placed(command, inline, script));
        commands.push(...listed.filter((c) => c.words[0]!.start < inline.start), ...inScript, ...listed.filter((c) => c.words[0]!.start >= inline.end));
      }
      const remote = remoteCommand(words);
      if (remote) commands.push({ words: remote, after: '', depth: depth + 1 });
      commands.push({ words, after, depth });
    }
    words = [];
    after = operator;
    listedFrom = commands.length;
  };
  /** Adds the commands of the substitution that starts at `at` and returns where it ends. */
  const substitution = (at: number): number => {
    const { inner, end } = substitutionAt(script, at);
    if (depth < MAX_DEPTH) for (const command of commandsOf(script.slice(inner, end), depth + 1)) commands.push(shifted(command, inner));
    return end;
  };
  let i = 0;
  while (i < script.length) {
    const c = script[i]!;
    if (c === "'" || c === '"') {
      const close = findClose(script, i + 1, c);
      if (c === '"') {
        for (let at = i + 1; at < close; at++) {
          if (script[at] === '\\') at++;
          else if (isSubstitution(script, at)) at = substitution(at);
        }
      }
      word ??= { text: '', start: i, end: i };
      word.quoted = true;
      word.text += unescape(script.slice(i + 1, close), c);
      word.end = i = Math.min(close + 1, script.length);
      continue;
    }
    if ((c === '$' && script[i + 1] === '(') || c === '`' || isProcessSubstitution(script, i)) {
      // Arithmetic `$((…))` is only text.
      const end = isSubstitution(script, i) || isProcessSubstitution(script, i) ? substitution(i) : closingParenthesis(script, i + 2);
      word ??= { text: '', start: i, end: i };
      word.text += script.slice(i, end + 1);
      word.end = i = Math.min(end + 1, script.length);
      continue;
    }
    if (c === '\\') {
      // A line continuation joins lines and is no word of its own.
      if (script[i + 1] === '\n') {
        i += 2;
        continue;
      }
      word ??= { text: '', start: i, end: i };
      word.text += script[i + 1] ?? '';
      word.end = i = Math.min(i + 2, script.length);
      continue;
    }
    const operator = OPERATORS.find((op) => script.startsWith(op, i));
    if (operator) {
      endCommand(operator);
      i += operator.length;
      if (operator === '\n' && heredocs.length > 0) {
        i = readHeredocBodies(script, i, heredocs, commands, depth);
        heredocs = [];
      }
      continue;
    }
    const heredoc = c === '<' && script[i + 1] === '<' && script[i - 1] !== '<' && script[i + 2] !== '<' ? HEREDOC_REDIRECT.exec(script.slice(i, i + 256)) : null;
    if (heredoc) {
      // `<<` is an operator: `bash<<EOF` is the program `bash` reading a heredoc.
      endWord();
      heredocs.push({ name: heredoc[3]!, stripTabs: heredoc[1] === '-', reader: words });
    }
    if (/\s/.test(c)) {
      endWord();
      i++;
      continue;
    }
    if (c === '#' && !word) {
      const eol = script.indexOf('\n', i);
      i = eol === -1 ? script.length : eol;
      continue;
    }
    word ??= { text: '', start: i, end: i };
    word.text += c;
    word.end = ++i;
  }
  endCommand('');
  return commands;
}

/**
 * Reads the bodies of the heredocs opened on the line before `from`, one after the other; the
 * commands of a body a shell reads join `commands` at `depth`. A heredoc without its closing line is no
 * heredoc (`$((a<<b))` is a shift): reading stops and the script goes on at `from`.
 */
function readHeredocBodies(script: string, from: number, heredocs: readonly PendingHeredoc[], commands: Command[], depth: number): number {
  let at = from;
  for (const heredoc of heredocs) {
    const start = at;
    let end = -1;
    while (at < script.length) {
      const eol = script.indexOf('\n', at);
      const lineEnd = eol === -1 ? script.length : eol;
      const line = script.slice(at, lineEnd);
      const next = eol === -1 ? script.length : eol + 1;
      if ((heredoc.stripTabs ? line.replace(/^\t+/, '') : line) === heredoc.name) {
        end = at;
        at = next;
        break;
      }
      at = next;
    }
    if (end === -1) return from;
    if (runsShell(heredoc.reader)) {
      for (const command of commandsOf(script.slice(start, end), depth)) commands.push(shifted(command, start));
    }
  }
  return at;
}

/**
 * The script a shell among the words runs from its `-c` option, if any: `bash -c "…"`, `sh -ec '…'`,
 * also as the command of another program (`docker exec app sh -c '…'`).
 */
export function inlineScript(words: readonly Word[]): Word | undefined {
  const shell = words.findIndex((w) => isShell(w.text));
  if (shell === -1) return undefined;
  for (let i = shell + 1; i < words.length; i++) {
    const text = words[i]!.text;
    if (!text.startsWith('-') || text === '-' || text === '--') return undefined;
    if (/^-[a-z]*c[a-z]*$/.test(text)) return words.slice(i + 1).find((w) => !w.text.startsWith('-'));
  }
  return undefined;
}

/** The command `lxc exec`, `incus exec`, `kubectl exec` or `oc exec` runs after `--`, if any. */
function remoteCommand(words: Word[]): Word[] | undefined {
  const at = programIndex({ words });
  if (at === -1 || !REMOTE_EXECS.has(programName(words[at]!.text)) || words[at + 1]?.text !== 'exec') return undefined;
  const separator = words.findIndex((w, i) => i > at + 1 && w.text === '--');
  return separator === -1 || separator === words.length - 1 ? undefined : words.slice(separator + 1);
}

/**
 * A command of the script inside `word`, placed in `script`: exactly where the word is written as
 * its text, bare or in one pair of quotes; across the whole word otherwise (escapes, pieces).
 */
function placed(command: Command, word: Word, script: string): Command {
  const written = script.slice(word.start, word.end);
  const offset = written === word.text ? word.start : written.slice(1, -1) === word.text && /^["']$/.test(written[0]!) ? word.start + 1 : undefined;
  return { ...command, words: command.words.map((w) => (offset === undefined ? { ...w, start: word.start, end: word.end } : { ...w, start: w.start + offset, end: w.end + offset })) };
}

function shifted(command: Command, by: number): Command {
  return { ...command, words: command.words.map((w) => ({ ...w, start: w.start + by, end: w.end + by })) };
}

/** Whether a command substitution starts at `at`: `$(` but not arithmetic's `$((`, or a backquote. */
function isSubstitution(script: string, at: number): boolean {
  return script[at] === '`' || (script.startsWith('$(', at) && script[at + 2] !== '(');
}

/** Whether an unquoted process substitution, `<(…)` or `>(…)`, starts at `at` (not a heredoc's `<<(`). */
function isProcessSubstitution(script: string, at: number): boolean {
  return (script[at] === '<' || script[at] === '>') && script[at + 1] === '(' && script[at - 1] !== '<' && script[at - 1] !== '>';
}

/**
 * The script inside the substitution that starts at `at`, from `inner` to `end`, where its closing
 * `)` or backquote is (the script's length when it has none). Quotes and nested parentheses are
 * honoured; a backquoted script ends at the next backquote that is not escaped.
 */
function substitutionAt(script: string, at: number): { inner: number; end: number } {
  if (script[at] === '`') {
    let end = at + 1;
    while (end < script.length && script[end] !== '`') end += script[end] === '\\' ? 2 : 1;
    return { inner: at + 1, end: Math.min(end, script.length) };
  }
  return { inner: at + 2, end: closingParenthesis(script, at + 2) };
}

/** The `)` that closes a parenthesis opened just before `from`, past quotes and nested pairs. */
function closingParenthesis(script: string, from: number): number {
  let open = 1;
  for (let i = from; i < script.length; i++) {
    const c = script[i];
    if (c === '\\') i++;
    else if (c === "'" || c === '"') i = findClose(script, i + 1, c);
    else if (c === '(') open++;
    else if (c === ')' && --open === 0) return i;
  }
  return script.length;
}

/** Whether the command these words make runs a shell. */
function runsShell(words: Word[]): boolean {
  const at = programIndex({ words });
  return at !== -1 && isShell(words[at]!.text);
}

/** Where the quote opened before `from` closes; a double-quoted string's substitutions may hold quotes of their own. */
function findClose(script: string, from: number, quote: string): number {
  for (let i = from; i < script.length; i++) {
    if (script[i] === quote) return i;
    if (quote === '"' && script[i] === '\\') i++;
    else if (quote === '"' && isSubstitution(script, i)) i = substitutionAt(script, i).end;
  }
  return script.length;
}

function unescape(inner: string, quote: string): string {
  return quote === '"' ? inner.replace(/\\(["\\$`])/g, '$1') : inner;
}

/** Reserved words the shell reads before a command, which the operators leave at its start (`then curl …`, `do pip install …`). */
const RESERVED = new Set(['if', 'then', 'else', 'elif', 'while', 'until', 'do', '!', '{']);

/** Index of the program a command runs, past reserved words, `VAR=value` assignments and wrappers such as sudo; -1 when there is none. */
export function programIndex(command: Pick<Command, 'words'>): number {
  let i = 0;
  const words = command.words;
  while (i < words.length) {
    const text = words[i]!.text;
    if (/^[A-Za-z_]\w*=/.test(text) || (RESERVED.has(text) && !words[i]!.quoted)) i++;
    else if (WRAPPERS.has(programName(text))) {
      const { valued, operands } = WRAPPERS.get(programName(text))!;
      i++;
      // The wrapper's own options (and `sudo -u user`'s argument), then its operands.
      while (i < words.length && (words[i]!.text.startsWith('-') || /^[A-Za-z_]\w*=/.test(words[i]!.text))) i += valued.test(words[i]!.text) ? 2 : 1;
      i += operands;
    } else return i;
  }
  return -1;
}

/** "/usr/local/bin/pip3" → "pip3". */
export function programName(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

export function isShell(word: string): boolean {
  return SHELLS.has(programName(word));
}

/** Every shell script the RUN instructions of a Dockerfile run, split into commands. */
export function runScripts(file: Dockerfile): Script[] {
  return file.instructions
    .filter((instruction) => instruction.keyword === 'RUN')
    .flatMap((instruction) => {
      const readers = instruction.heredocs.length > 0 ? commandsOf(instruction.body.text) : [];
      const texts = instruction.heredocs.filter((h) => runAsScript(h, readers)).map((h) => h.body);
      const json = instruction.json;
      if (json) {
        // Exec form runs no shell, unless it names one: `["sh", "-c", "…"]`.
        const script = json[0] && isShell(json[0]) && json.includes('-c') ? json[json.length - 1] : json.join(' ');
        const text = new MappedText();
        text.append(script ?? '', instruction.startLine, 1);
        texts.unshift(text);
      } else {
        texts.unshift(instruction.body);
      }
      return texts.map((text) => ({ instruction, text, commands: commandsOf(text.text) }));
    });
}

/**
 * Whether a RUN heredoc is a script: no program reads it (`RUN <<EOF`, which the build's shell
 * runs) or a shell does (`RUN bash <<EOF`), and its `#!` line, if it has one, names a shell. The
 * body `cat <<EOF > app.conf` or `python3 <<EOF` reads is data.
 */
function runAsScript(heredoc: Heredoc, commands: readonly Command[]): boolean {
  const shebang = /^#!\s*(\S+)(?:[ \t]+(\S+))?/.exec(heredoc.body.text);
  if (shebang && !isShell(programName(shebang[1]!) === 'env' ? (shebang[2] ?? '') : shebang[1]!)) return false;
  const opens = (words: Word[], i: number) =>
    words[i]!.text === `<<${heredoc.name}` || words[i]!.text === `<<-${heredoc.name}` || (words[i]!.text === heredoc.name && /^<<-?$/.test(words[i - 1]?.text ?? ''));
  const reader = commands.find((c) => c.words.some((_, i) => opens(c.words, i)));
  if (!reader) return true;
  const words = reader.words.filter((w, i) => !w.text.startsWith('<<') && !opens(reader.words, i));
  return programIndex({ words }) === -1 || runsShell(words);
}

/** The commands of the scripts that run `program` (its name after any path), with the program's word index. */
export function invocations(scripts: readonly Script[], ...programs: string[]): Array<{ script: Script; command: Command; at: number }> {
  return scripts.flatMap((script) =>
    script.commands.flatMap((command) => {
      const at = programIndex(command);
      return at !== -1 && programs.includes(programName(command.words[at]!.text)) ? [{ script, command, at }] : [];
    }),
  );
}
