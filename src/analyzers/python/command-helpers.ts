import { argument, calls, type CallSite } from './call-site.js';
import type { SyntaxNode } from './parser.js';
import type { PythonContext } from './python-rule.js';
import { ARGV_RUNNERS, ASYNC_SHELL_RUNNERS, SHELL_STRING_RUNNERS, SUBPROCESS_RUNNERS } from './rules/shell.js';
import { parametersOf } from './taint/engine.js';

/** Calls that hand their one command string to a shell. */
export const COMMAND_STRING_RUNNERS = [...SHELL_STRING_RUNNERS, ...ASYNC_SHELL_RUNNERS];
/** Calls that start a program from an argv, which may be a shell given a script. */
export const PROGRAM_STARTERS = [...SUBPROCESS_RUNNERS, ...ARGV_RUNNERS];

/**
 * A function of the module that passes one of its parameters on, unchanged, as the command a shell
 * runs (`def run(cmd): subprocess.run(cmd, shell=True)`) or as the argv of a program it starts
 * (`def run(args): subprocess.run(args, check=True)`).
 */
export interface CommandHelper {
  /** Position and name of the parameter, for finding the argument at a call. */
  index: number;
  name: string;
  kind: 'script' | 'argv';
}

const helpersByModule = new WeakMap<SyntaxNode, ReadonlyMap<string, CommandHelper>>();

/** The command helper a call calls, when it calls a module-level function of its own file by name. */
export function calledHelper(call: CallSite, ctx: PythonContext): CommandHelper | undefined {
  if (!call.name || call.name.includes('.') || call.node.childForFieldName('function')?.type !== 'identifier') return undefined;
  let root = call.node;
  while (root.parent) root = root.parent;
  let helpers = helpersByModule.get(root);
  if (!helpers) helpersByModule.set(root, (helpers = moduleHelpers(root, ctx)));
  return helpers.get(call.name);
}

/** The argument a call gives a helper's command parameter. */
export function helperArgument(call: CallSite, helper: CommandHelper): SyntaxNode | undefined {
  return argument(call, helper.index, helper.name);
}

function moduleHelpers(root: SyntaxNode, ctx: PythonContext): Map<string, CommandHelper> {
  const helpers = new Map<string, CommandHelper>();
  for (const statement of root.namedChildren) {
    const fn = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    const name = fn?.type === 'function_definition' ? fn.childForFieldName('name')?.text : undefined;
    const helper = fn && name ? helperOf(fn, ctx) : undefined;
    if (name && helper) helpers.set(name, helper);
  }
  return helpers;
}

/** The last part of each runner's name: a call named otherwise need not be resolved. */
const RUNNER_NAMES = new Set([...COMMAND_STRING_RUNNERS, ...SUBPROCESS_RUNNERS].map((name) => name.slice(name.lastIndexOf('.') + 1)));

function helperOf(fn: SyntaxNode, ctx: PythonContext): CommandHelper | undefined {
  const params = parametersOf(fn);
  const body = fn.childForFieldName('body');
  if (!body || params.length === 0) return undefined;
  // A parameter the body assigns again (`cmd = shlex.split(cmd)`) is no longer what the caller passed.
  const reassigned = new Set(descendants(body, 'assignment').flatMap((a) => (a.childForFieldName('left')?.type === 'identifier' ? [a.childForFieldName('left')!.text] : [])));
  for (const node of descendants(body, 'call')) {
    const callee = node.childForFieldName('function')?.text ?? '';
    if (!RUNNER_NAMES.has(callee.slice(callee.lastIndexOf('.') + 1))) continue;
    const site = ctx.callSite(node);
    const passed = (arg: SyntaxNode | undefined) => {
      const index = arg?.type === 'identifier' && !reassigned.has(arg.text) ? params.findIndex((p) => p.name === arg.text && !p.splat) : -1;
      return index === -1 ? undefined : { index, name: params[index]!.name };
    };
    if (calls(site, COMMAND_STRING_RUNNERS)) {
      const param = passed(argument(site, 0, 'cmd') ?? site.keywords.get('command'));
      if (param) return { ...param, kind: 'script' };
    }
    // The os.exec and os.spawn functions take the program first; only subprocess takes the argv whole.
    if (!calls(site, SUBPROCESS_RUNNERS)) continue;
    const param = passed(argument(site, 0, 'args'));
    const shell = site.keywords.get('shell');
    if (param) return { ...param, kind: shell && ctx.truthOf(shell) === true ? 'script' : 'argv' };
  }
  return undefined;
}

/** Nodes of `type` under `node`, not inside a nested function or class (whose code runs elsewhere). */
function descendants(node: SyntaxNode, type: string): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  const visit = (n: SyntaxNode) => {
    for (const child of n.namedChildren) {
      if (child.type === 'function_definition' || child.type === 'class_definition' || child.type === 'lambda') continue;
      if (child.type === type) found.push(child);
      visit(child);
    }
  };
  visit(node);
  return found;
}
