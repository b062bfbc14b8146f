import { asFString, sqlAsIPython } from './interpolation.js';

/**
 * IPython syntax in code cells — `!cmd`, `%magic`, `%%cell_magic`, `x = !cmd`, `obj?` — turned
 * into plain Python the parser accepts, one line for one line so positions stay aligned, and the
 * shell commands among them kept for the notebook rules.
 */

/** A command a cell hands to a shell (or to pip, which runs through one). */
export interface CellCommand {
  /** 1-based line in the cell where the command starts. */
  line: number;
  /** The command as the shell gets it, before IPython's variable expansion: `pip install pandas`. */
  command: string;
  /**
   * IPython expands `{expr}` and `$name` in `!` escapes and line magics before the shell runs
   * them; the bodies of cell magics (`%%bash`) are passed on as written.
   */
  expands: boolean;
}

export interface TranslatedCell {
  /** Exactly as many lines as the cell has. */
  python: string[];
  commands: CellCommand[];
  /** `%sql` lines and `%%sql` cells (their magic's line), with the query as written. */
  queries: CellCommand[];
}

/** Cell magics whose body is still Python, run under some instrument. */
const PYTHON_BODY_MAGICS = new Set(['time', 'timeit', 'capture', 'prun', 'debug', 'memit']);
/** Line magics that run the Python statement after them (`%time df = load()`), when no option comes first. */
const PYTHON_ARGUMENT_MAGICS = new Set(['time', 'timeit', 'prun', 'memit']);
/** Cell magics whose body is a shell script. */
const SHELL_CELL_MAGICS = new Set(['bash', 'sh', 'zsh', 'system', 'sx', '!']);
const SCRIPT_SHELLS = new Set(['sh', 'bash', 'zsh', 'ksh', 'dash']);
/**
 * Databricks writes a cell's language as a bare first-line magic (`%sh`, `%sql`); exported to
 * .ipynb the marker stays, and the rest of the cell is not Python.
 */
const LANGUAGE_MARKERS = new Set(['sh', 'md', 'md-sandbox', 'sql', 'scala', 'r', 'fs']);
/** Line magics that run their argument in a shell, or run a package manager through one. */
const SHELL_LINE_MAGICS = new Set(['sx', 'system']);
const INSTALLER_LINE_MAGICS = new Set(['pip', 'conda', 'mamba', 'uv']);

const NEUTRAL = 'pass';
/** What an assignment from a shell escape or magic binds: a value the analysis knows nothing about. */
const UNKNOWN_VALUE = '__ipython_output__';

const CELL_MAGIC = /^%%(\S+)\s*(.*)$/;
const LINE_MAGIC = /^%(\w[\w-]*)(?:\s+(.*))?$/;
// `files = !ls`, `a, b = %sx cmd`: one or more plain targets, then `=` and an escape.
const ASSIGNED_ESCAPE = /^([A-Za-z_]\w*(?:\s*,\s*[A-Za-z_]\w*)*)\s*=\s*([!%].*)$/;
const HELP = /^(?:\?{1,2}[\w.]+|[\w.]+\?{1,2})$/;

export function translateCell(lines: readonly string[]): TranslatedCell {
  // IPython drops leading blank lines before it looks for a cell magic.
  const head = Math.max(0, lines.findIndex((l) => l.trim() !== ''));
  const first = lines[head]?.trim() ?? '';
  const cellMagic = CELL_MAGIC.exec(first);
  if (cellMagic) {
    const [, name = '', args = ''] = cellMagic;
    // `%%time` and the like: the magic's line goes, the rest is Python.
    if (PYTHON_BODY_MAGICS.has(name)) return translatePython(lines, head + 1, { python: [...lines.slice(0, head), NEUTRAL], commands: [], queries: [] });
    if (name === 'sql') return sqlCell(lines, head);
    const shell = SHELL_CELL_MAGICS.has(name) || (name === 'script' && SCRIPT_SHELLS.has(args.split(/\s+/)[0] ?? ''));
    return opaqueCell(lines, shell, head + 1);
  }
  const marker = /^%(\S+)\s*(.*)$/.exec(first);
  if (marker && LANGUAGE_MARKERS.has(marker[1]!) && (marker[1] === 'sh' || marker[2] === '')) {
    if (marker[1] !== 'sh') return opaqueCell(lines, false, 0);
    // A `%sh` marker may carry a first command on its own line.
    const cell = opaqueCell(lines, true, head + 1);
    return marker[2] === '' ? cell : { ...cell, commands: [{ line: head + 1, command: marker[2]!, expands: false }, ...cell.commands] };
  }
  return translatePython(lines, 0, { python: [], commands: [], queries: [] });
}

/** A `%%sql` cell: one query, whose splices make it the call jupysql makes, on the magic's line. */
function sqlCell(lines: readonly string[], head: number): TranslatedCell {
  const query = lines.slice(head + 1).join(' ');
  const call = sqlMagicCall('run_cell_magic', query);
  const python = [...lines.slice(0, head), call ?? NEUTRAL, ...lines.slice(head + 1).map(() => NEUTRAL)];
  return { python, commands: [], queries: [{ line: head + 1, command: query, expands: true }] };
}

/** A cell in another language: every line neutral; a shell script's lines are its commands. */
function opaqueCell(lines: readonly string[], shell: boolean, from: number): TranslatedCell {
  const commands: CellCommand[] = [];
  if (shell) {
    for (const { line, command } of joinedCommands(lines, from)) {
      if (!command.startsWith('#')) commands.push({ line, command, expands: false });
    }
  }
  return { python: lines.map(() => NEUTRAL), commands, queries: [] };
}

/** Shell lines with backslash continuations joined, numbered by the line each starts on. */
function joinedCommands(lines: readonly string[], from: number): Array<{ line: number; command: string }> {
  const out: Array<{ line: number; command: string }> = [];
  for (let i = from; i < lines.length; i++) {
    const { command, end } = continued(lines[i]!, lines, i);
    if (command !== '') out.push({ line: i + 1, command });
    i = end;
  }
  return out;
}

/** A command that starts at line `at` as `first`, joined with the lines its trailing backslashes continue it on. */
function continued(first: string, lines: readonly string[], at: number): { command: string; end: number } {
  let command = first.trim();
  let end = at;
  while (command.endsWith('\\') && end + 1 < lines.length) command = `${command.slice(0, -1).trimEnd()} ${lines[++end]!.trim()}`;
  return { command, end };
}

function translatePython(lines: readonly string[], from: number, out: TranslatedCell): TranslatedCell {
  const scanner = new ContinuationScanner();
  for (let i = from; i < lines.length; i++) {
    const line = lines[i]!;
    const escape = scanner.atStatementStart ? escapeOf(line) : undefined;
    const indent = /^\s*/.exec(line)![0];
    if (!escape || escape.python !== undefined) {
      const python = escape ? `${indent}${escape.python}` : line;
      scanner.feed(python);
      out.python.push(python);
      continue;
    }
    // An escaped command continues over backslash-ended lines; each becomes a neutral line too.
    const { command, end } = continued(escape.command, lines, i);
    out.python.push(`${indent}${standIn(escape, command)}`);
    for (let k = i + 1; k <= end; k++) out.python.push(`${indent}${NEUTRAL}`);
    if (escape.shell) out.commands.push({ line: i + 1, command, expands: true });
    if (escape.sql) out.queries.push({ line: i + 1, command, expands: true });
    i = end;
  }
  return out;
}

/**
 * The Python a shell escape stands for. With Python values spliced into the command it is the
 * call IPython makes (`!gzip {name}` is `get_ipython().system(f'gzip {name}')`, `files = !ls {d}`
 * is `files = get_ipython().getoutput(f'ls {d}')`), so the taint analysis sees what reaches the
 * shell; otherwise nothing (an assignment binds a value nobody knows).
 */
function standIn(escape: Escape, command: string): string {
  const assign = escape.target ? `${escape.target} = ` : '';
  const query = escape.sql ? sqlMagicCall('run_line_magic', command) : undefined;
  if (query) return `${assign}${query}`;
  const spliced = escape.shell ? asFString(command) : undefined;
  if (spliced) return `${assign}get_ipython().${escape.target ? 'getoutput' : 'system'}(${spliced})`;
  return escape.target ? `${assign}${UNKNOWN_VALUE}` : NEUTRAL;
}

/** The call a jupysql/ipython-sql query with Python values spliced in stands for; undefined when nothing is spliced in. */
function sqlMagicCall(method: 'run_line_magic' | 'run_cell_magic', query: string): string | undefined {
  const spliced = asFString(sqlAsIPython(query));
  if (!spliced) return undefined;
  return `get_ipython().${method}('sql', ${method === 'run_cell_magic' ? "'', " : ''}${spliced})`;
}

interface Escape {
  command: string;
  /** Whether the command runs in a shell (as opposed to a magic acting inside the kernel). */
  shell: boolean;
  /** The names an assignment from the escape binds. */
  target?: string;
  /** The Python statement a magic runs, which stands in for the line. */
  python?: string;
  /** A `%sql` query, run by jupysql or ipython-sql. */
  sql?: boolean;
}

/** The IPython escape a line is, if it is one. */
function escapeOf(line: string): Escape | undefined {
  const trimmed = line.trim();
  const assigned = ASSIGNED_ESCAPE.exec(trimmed);
  if (assigned) {
    // What the magic returns is bound, not the statement it runs: `t = %timeit -o f()`.
    const inner = escapeOf(assigned[2]!);
    return inner && { command: inner.command, shell: inner.shell, target: assigned[1]!, ...(inner.sql ? { sql: true } : {}) };
  }
  if (trimmed.startsWith('!') && !trimmed.startsWith('!=')) return { command: trimmed.replace(/^!!?/, ''), shell: true };
  const magic = LINE_MAGIC.exec(trimmed);
  if (magic) {
    const [, name = '', args = ''] = magic;
    if (SHELL_LINE_MAGICS.has(name)) return { command: args, shell: true };
    if (INSTALLER_LINE_MAGICS.has(name)) return { command: `${name} ${args}`, shell: true };
    if (name === 'sql') return { command: args, shell: false, sql: true };
    if (PYTHON_ARGUMENT_MAGICS.has(name) && args !== '' && !args.startsWith('-')) return { command: trimmed, shell: false, python: args };
    return { command: trimmed, shell: false };
  }
  // `%%` past the first line is an IPython error, not Python; it must not break the parse either.
  if (trimmed.startsWith('%%')) return { command: trimmed, shell: false };
  if (HELP.test(trimmed)) return { command: trimmed, shell: false };
  return undefined;
}

/**
 * Tracks whether the next line starts a new statement or continues one (open brackets, an open
 * triple-quoted string, a trailing backslash): `!=` or `% b` there is Python, not an escape.
 */
class ContinuationScanner {
  private depth = 0;
  private quote: string | undefined;
  private joined = false;

  get atStatementStart(): boolean {
    return this.depth === 0 && this.quote === undefined && !this.joined;
  }

  feed(line: string): void {
    this.joined = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i]!;
      if (this.quote !== undefined) {
        if (c === '\\') i++;
        else if (line.startsWith(this.quote, i)) {
          i += this.quote.length - 1;
          this.quote = undefined;
        }
      } else if (c === '#') {
        break;
      } else if (c === '"' || c === "'") {
        this.quote = line.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
        i += this.quote.length - 1;
      } else if ('([{'.includes(c)) {
        this.depth++;
      } else if (')]}'.includes(c)) {
        this.depth = Math.max(0, this.depth - 1);
      } else if (c === '\\' && i === line.length - 1) {
        this.joined = true;
      }
    }
    // A single-quoted string cannot span lines; an unterminated one is a syntax error left to the parser.
    if (this.quote?.length === 1) this.quote = undefined;
  }
}
