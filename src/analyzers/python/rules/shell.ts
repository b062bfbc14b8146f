import { argument, type CallSite } from '../call-site.js';
import type { SyntaxNode } from '../parser.js';
import type { PythonContext } from '../python-rule.js';
import { leadingLiteralText } from '../url-prefix.js';

const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'ash', 'cmd', 'cmd.exe', 'powershell', 'powershell.exe', 'pwsh']);
/** ssh options that take a value as the next argument (OpenSSH's `ssh(1)` synopsis). */
const SSH_VALUE_OPTIONS = new Set('BbcDEeFIiJLlmOopQRSWw'.split(''));

/**
 * What a program started from an argv list hands a shell: the command of a local shell started
 * with `-c`, or the remote command of `ssh [options] destination command…`, which the remote
 * user's shell parses (every word of it, joined by spaces). `how` names which, for messages.
 */
export function shellScript(ctx: Pick<PythonContext, 'constantOf'>, program: SyntaxNode | undefined, args: SyntaxNode[]): { how: 'local' | 'ssh'; parts: SyntaxNode[] } | undefined {
  const local = shellCommand(ctx, program, args);
  if (local) return { how: 'local', parts: [local] };
  const path = program ? ctx.constantOf(program) : undefined;
  if (typeof path !== 'string' || basename(path) !== 'ssh') return undefined;
  for (let i = 0; i < args.length; i++) {
    const value = ctx.constantOf(args[i]!);
    // Options are written out; the first word that is not one (a host variable) is the destination.
    if (typeof value !== 'string') return commandAfter(args, i);
    if (value === '--') return commandAfter(args, i + 1);
    if (!value.startsWith('-')) return commandAfter(args, i);
    if (optionTakesValue(value)) i++;
  }
  return undefined;
}

/**
 * os.exec*, os.spawn* (after their mode) and os.posix_spawn*: the program, then its argv — spread
 * out (l-forms) or one sequence (v-forms) — starting with argv[0]; l-forms with `e` end with an
 * environment.
 */
const OS_ARGV_RUNNER = /^os\.(?:(exec|spawn)([lv])p?(e?)|posix_spawnp?)$/;
/** Functions that hand one command string to the shell. */
export const SHELL_STRING_RUNNERS = [
  'os.system',
  'os.popen',
  'subprocess.getoutput',
  'subprocess.getstatusoutput',
  'commands.getoutput',
  'commands.getstatusoutput',
];
/** Coroutines that hand one command string to the shell. */
export const ASYNC_SHELL_RUNNERS = ['asyncio.create_subprocess_shell'];
/** subprocess's runners: an argv list, or a command string with shell=True. */
export const SUBPROCESS_RUNNERS = ['subprocess.run', 'subprocess.call', 'subprocess.check_call', 'subprocess.check_output', 'subprocess.Popen'];
/** Runners that start a program from an argv, with no shell of their own. */
export const ARGV_RUNNERS = [
  ...['exec', 'spawn'].flatMap((f) => ['l', 'le', 'lp', 'lpe', 'v', 've', 'vp', 'vpe'].map((form) => `os.${f}${form}`)),
  'os.posix_spawn',
  'os.posix_spawnp',
  'asyncio.create_subprocess_exec',
];

/**
 * The program an argv-style call starts and the arguments after argv[0]: the first argument's
 * sequence for subprocess (`["bash", "-c", cmd]`), the spread arguments of
 * `asyncio.create_subprocess_exec`, and the os forms' path and argv.
 */
export function startedProgram(call: CallSite, itemsOf: (node: SyntaxNode) => SyntaxNode[] | undefined = sequenceItems): { program: SyntaxNode | undefined; args: SyntaxNode[] } | undefined {
  if (call.name === 'asyncio.create_subprocess_exec') return { program: call.positional[0], args: call.positional.slice(1) };
  const os = OS_ARGV_RUNNER.exec(call.name ?? '');
  if (!os) {
    const argv = argument(call, 0, 'args');
    const items = argv && itemsOf(argv);
    return items ? { program: items[0], args: items.slice(1) } : undefined;
  }
  const programIndex = os[1] === 'spawn' ? 1 : 0;
  const list = call.positional[programIndex + 1];
  const argv = os[2] === 'l' ? call.positional.slice(programIndex + 1, os[3] ? -1 : undefined) : list && itemsOf(list);
  return argv ? { program: call.positional[programIndex], args: argv.slice(1) } : undefined;
}

/** The first part of the shell script a started program runs that is not a literal, and what starting it does, for messages. */
export function dynamicShellScript(ctx: Pick<PythonContext, 'constantOf' | 'kindOf'>, program: SyntaxNode | undefined, args: SyntaxNode[]): { command: SyntaxNode; starts: string } | undefined {
  const script = shellScript(ctx, program, args);
  const command = script?.parts.find((part) => ctx.kindOf(part) !== 'literal');
  if (!script || !command) return undefined;
  return { command, starts: script.how === 'ssh' ? 'runs a remote command over ssh, which the remote shell parses,' : 'starts a shell with -c and a command' };
}

/** Database clients that run the SQL given to an option, by their options for it (`psql -c SQL`, `mysql --execute=SQL`). */
const SQL_CLIENTS: ReadonlyMap<string, readonly string[]> = new Map([
  ['psql', ['-c', '--command']],
  ['mysql', ['-e', '--execute']],
  ['mariadb', ['-e', '--execute']],
  ['clickhouse-client', ['-q', '--query']],
  ['snowsql', ['-q', '--query']],
  ['duckdb', ['-c']],
]);

/**
 * The SQL a database client started from an argv runs: the word after its query option, or the
 * option written with it (`--command=SQL`, the whole word, whose value part may be built).
 */
export function clientQuery(ctx: Pick<PythonContext, 'constantOf'>, program: SyntaxNode | undefined, args: SyntaxNode[]): SyntaxNode[] {
  const path = program ? ctx.constantOf(program) : undefined;
  const options = typeof path === 'string' ? SQL_CLIENTS.get(basename(path)) : undefined;
  if (!options) return [];
  return args.flatMap((arg, i) => {
    const value = ctx.constantOf(arg);
    if (typeof value === 'string' && options.includes(value)) return args[i + 1] ? [args[i + 1]!] : [];
    const head = typeof value === 'string' ? undefined : leadingLiteralText(arg, (n) => ctx.constantOf(n));
    return head !== undefined && options.some((o) => o.startsWith('--') && head.startsWith(`${o}=`)) ? [arg] : [];
  });
}

/** The words after the destination at `destination`, if any. */
function commandAfter(args: SyntaxNode[], destination: number): { how: 'ssh'; parts: SyntaxNode[] } | undefined {
  const parts = args.slice(destination + 1);
  return parts.length > 0 ? { how: 'ssh', parts } : undefined;
}

/** `-p` (its value is the next word), not `-p22` or `-v`. */
function optionTakesValue(value: unknown): boolean {
  return typeof value === 'string' && value.length === 2 && value.startsWith('-') && SSH_VALUE_OPTIONS.has(value[1]!);
}

/** The items of a list or tuple display; undefined for any other expression. */
export function sequenceItems(node: SyntaxNode): SyntaxNode[] | undefined {
  if (node.type !== 'list' && node.type !== 'tuple') return undefined;
  return node.namedChildren.filter((c) => c.type !== 'comment');
}

/**
 * When `program` is a shell and its options hand it a command string (`bash -c CMD`,
 * `cmd /c CMD`), the node of that string: argv-style APIs are injection-proof only until the
 * program they start is itself a shell. `args` excludes argv[0].
 */
export function shellCommand(ctx: Pick<PythonContext, 'constantOf'>, program: SyntaxNode | undefined, args: SyntaxNode[]): SyntaxNode | undefined {
  const at = shellCommandIndex(program ? ctx.constantOf(program) : undefined, args.map((a) => ctx.constantOf(a)));
  return at === undefined ? undefined : args[at];
}

/** The same judgement on argv words already known (undefined where a word is not): the index of the command string in `args`. */
export function shellCommandIndex(program: unknown, args: readonly unknown[]): number | undefined {
  if (typeof program !== 'string' || !SHELLS.has(basename(program))) return undefined;
  for (const [i, value] of args.entries()) {
    if (isCommandFlag(value)) return i + 1 < args.length ? i + 1 : undefined;
    // Options end at the first operand: `sh script.sh -c x` passes -c to the script.
    if (typeof value !== 'string' || !/^(-|\/\w+$)/.test(value)) return undefined;
  }
  return undefined;
}

function basename(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase();
}

/** `-c` and its combined forms (`-lc`, `-ec`) for POSIX shells, `/c` for cmd, `-Command` for PowerShell. */
function isCommandFlag(value: unknown): boolean {
  return typeof value === 'string' && (/^-[a-z]*c$/.test(value) || /^\/c$/i.test(value) || /^-command$/i.test(value));
}
