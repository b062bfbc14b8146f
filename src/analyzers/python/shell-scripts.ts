import { AIRFLOW_SHELL_OPERATORS, containerShellScript, operatorTemplates } from './airflow-templated-operators.js';
import { argument, calls, type CallSite } from './call-site.js';
import { BASH_TASK_DECORATOR, decoratorNames, returnedValues } from './decorators.js';
import { commandsOf, type Command, type Word } from '../container/dockerfile/shell.js';
import type { SyntaxNode } from './parser.js';
import type { ReportOptions } from '../../core/analyzer.js';
import type { PythonContext, PythonRule } from './python-rule.js';
import { SUBPROCESS_RUNNERS, shellScript, startedProgram } from './rules/shell.js';
import { COMMAND_STRING_RUNNERS, helperCommand, PROGRAM_STARTERS } from './command-helpers.js';
import { stringText } from './rules/string-literal.js';

/**
 * A shell script written out in the code (an Airflow template counts as written out), the node that
 * holds it, and what runs it; `commands` is the script split into commands, once for every rule.
 */
export interface WrittenShellScript {
  node: SyntaxNode;
  text: string;
  runner: string;
  readonly commands: readonly Command[];
}

function writtenScript(node: SyntaxNode, text: string, runner: string): WrittenShellScript {
  let commands: Command[] | undefined;
  return {
    node,
    text,
    runner,
    get commands() {
      return (commands ??= commandsOf(text));
    },
  };
}

/**
 * The written-out scripts a call hands a shell: os.system and its kin, subprocess with
 * shell=True, argv that start `sh -c SCRIPT` or `ssh host COMMAND…`, and the command fields of
 * Airflow's BashOperator, SSHOperator and container operators.
 */
export function writtenShellScripts(call: CallSite, ctx: PythonContext): WrittenShellScript[] {
  // Three rules, the container facts and the module-wide passes read every call's scripts; each is read once.
  let scripts = writtenByCall.get(call.node);
  if (!scripts) writtenByCall.set(call.node, (scripts = readWrittenScripts(call, ctx)));
  return scripts;
}

/** By the call's node: the rules and the module-wide passes (downloads run later) each get their own CallSite for it. */
const writtenByCall = new WeakMap<SyntaxNode, WrittenShellScript[]>();

function readWrittenScripts(call: CallSite, ctx: PythonContext): WrittenShellScript[] {
  const runner = call.name ?? '';
  const written = (node: SyntaxNode | undefined): WrittenShellScript[] => {
    const text = node ? builtText(node, ctx) : undefined;
    return node && typeof text === 'string' ? [writtenScript(node, text, runner)] : [];
  };
  if (calls(call, COMMAND_STRING_RUNNERS)) return written(argument(call, 0, 'cmd') ?? call.keywords.get('command'));
  const helper = helperCommand(call, ctx);
  if (helper && 'script' in helper) return written(helper.script);
  const shellFlag = call.keywords.get('shell');
  const argv = calls(call, SUBPROCESS_RUNNERS) ? argument(call, 0, 'args') : undefined;
  // With a shell, a sequence's first item is the command line and the rest its $0, $1…
  if (argv && shellFlag && ctx.truthOf(shellFlag) === true) return written(ctx.sequenceOf(argv)?.[0] ?? argv);
  const started = startedArgv(call, ctx);
  const script = started && shellScript(ctx, started.program, started.args);
  if (script) {
    const words = script.parts.map((part) => builtText(part, ctx));
    // ssh joins the remote command's words with spaces before the remote shell parses them.
    return words.every((w) => typeof w === 'string') ? [writtenScript(script.parts[0]!, words.join(' '), runner)] : [];
  }
  return airflowShellScripts(call, ctx);
}

/**
 * A string the code writes out or builds, as a shell gets it: the fixed text as written, and each
 * part known only at run time one opaque word part, `{ip}` or `{…}` (`"docker run --privileged " + image`).
 */
function builtText(node: SyntaxNode, ctx: PythonContext): string | undefined {
  return stringText(node, ctx) ?? ctx.piecesOf(node)?.map((p) => (p.fixed || /^\{[\w.]+\}$/.test(p.text) ? p.text : '{…}')).join('');
}

/**
 * The program a call starts from an argv (`subprocess.run(["curl", "-k", url])`), as the one command
 * it is: each word at its node's offsets, `nodes[i]` holding word i. A run-time value is an empty
 * word, unread, so option positions hold.
 */
export function startedCommand(call: CallSite, ctx: PythonContext): StartedCommand | undefined {
  // Several rules, the facts and the module-wide passes read every call's argv; each is read once.
  if (!startedByCall.has(call.node)) startedByCall.set(call.node, readStartedCommand(call, ctx));
  return startedByCall.get(call.node);
}

interface StartedCommand {
  command: Command;
  nodes: SyntaxNode[];
}

const startedByCall = new WeakMap<SyntaxNode, StartedCommand | undefined>();

function readStartedCommand(call: CallSite, ctx: PythonContext): StartedCommand | undefined {
  const started = startedArgv(call, ctx);
  if (!started?.program) return undefined;
  const nodes = [started.program, ...started.args];
  const words = nodes.map((node): Word => {
    const text = ctx.constantOf(node);
    return { text: typeof text === 'string' ? text : '', start: node.startIndex, end: node.endIndex };
  });
  return { command: { words, after: '', depth: 0 }, nodes };
}

/** The program a call starts and its arguments, from the argv it gives subprocess, the os.exec and os.spawn functions, or a helper of the module that passes its argv on. */
function startedArgv(call: CallSite, ctx: PythonContext): { program: SyntaxNode | undefined; args: SyntaxNode[] } | undefined {
  if (calls(call, PROGRAM_STARTERS)) return startedProgram(call, (n) => ctx.sequenceOf(n));
  const helper = helperCommand(call, ctx);
  return helper && 'argv' in helper ? { program: helper.argv[0], args: helper.argv.slice(1) } : undefined;
}

/** The command templates of Airflow's BashOperator and SSHOperator, and the script a container operator hands a shell. */
export function airflowShellScripts(call: CallSite, ctx: PythonContext): WrittenShellScript[] {
  const container = containerShellScript(call, ctx);
  return [...operatorTemplates(call, ctx, AIRFLOW_SHELL_OPERATORS), ...(container ? [container] : [])].map(({ node, text, operator, field }) => writtenScript(node, text, `${operator} ${field}`));
}

/** The command texts a `@task.bash` function returns, which Airflow renders and runs like a bash_command. */
export function bashTaskScripts(fn: SyntaxNode, ctx: PythonContext): WrittenShellScript[] {
  if (!decoratorNames(fn, (n) => ctx.nameOf(n)).some((n) => BASH_TASK_DECORATOR.test(n))) return [];
  const runner = `@task.bash ${fn.childForFieldName('name')?.text ?? 'task'}() command`;
  return returnedValues(fn).flatMap((node) => {
    const text = stringText(node, ctx);
    return typeof text === 'string' ? [writtenScript(node, text, runner)] : [];
  });
}

/** What a check of one shell script finds: a message each, with how to report it. */
export type ScriptCheck = (script: WrittenShellScript) => ReadonlyArray<{ message: string; options?: ReportOptions }>;

/** Runs `check` on each script and reports what it finds on the script's node, after what runs it. */
export function reportScripts(ctx: PythonContext, scripts: readonly WrittenShellScript[], check: ScriptCheck): void {
  for (const script of scripts) {
    for (const { message, options } of check(script)) ctx.report(script.node, { message: `${script.runner}: ${message}`, ...options });
  }
}

/** A rule's `onNode` that runs `check` on the commands `@task.bash` functions return. */
export function bashTaskCheck(check: ScriptCheck): NonNullable<PythonRule['onNode']> {
  return { types: ['function_definition'], check: (fn, ctx) => reportScripts(ctx, bashTaskScripts(fn, ctx), check) };
}
