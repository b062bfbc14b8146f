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
 * (`def run(args): subprocess.run(args, check=True)`, `def run(*argv): subprocess.run(argv)`).
 */
interface CommandHelper {
  /** Position and name of the parameter, for finding the argument at a call. */
  index: number;
  name: string;
  kind: 'script' | 'argv';
  /** `*argv`: the call's positional arguments from `index` on are the argv. */
  splat?: true;
  /** `shell=shell`: the caller's argument (or the parameter's default) says whether a shell runs the command. */
  shell?: { index: number; name: string; default?: SyntaxNode };
}

/** What a call of a module's command helper hands on: a shell script, or an argv's items. */
export type HelperCommand = { script: SyntaxNode } | { argv: SyntaxNode[] };

/** Per file analysed (its contexts share the file object): walking up to the module from every call would cost the depth of each. */
const helpersByModule = new WeakMap<object, ReadonlyMap<string, CommandHelper>>();

/** The command a call gives a module-level function of its own file that hands it on to a shell or subprocess. */
export function helperCommand(call: CallSite, ctx: PythonContext): HelperCommand | undefined {
  if (!call.name || call.name.includes('.') || call.node.childForFieldName('function')?.type !== 'identifier') return undefined;
  let helpers = helpersByModule.get(ctx.file);
  if (!helpers) helpersByModule.set(ctx.file, (helpers = moduleHelpers(moduleOf(call.node), ctx)));
  const helper = helpers.get(call.name);
  if (!helper) return undefined;
  if (helper.splat) return { argv: call.positional.slice(helper.index) };
  const given = argument(call, helper.index, helper.name);
  if (!given) return undefined;
  const shellFlag = helper.shell ? (argument(call, helper.shell.index, helper.shell.name) ?? helper.shell.default) : undefined;
  const kind = helper.shell ? (shellFlag && ctx.truthOf(shellFlag) === true ? 'script' : 'argv') : helper.kind;
  if (kind === 'script') return { script: given };
  const items = ctx.sequenceOf(given);
  return items ? { argv: items } : undefined;
}

function moduleHelpers(root: SyntaxNode, ctx: PythonContext): Map<string, CommandHelper> {
  const helpers = new Map<string, CommandHelper>();
  for (const { name, fn } of moduleFunctions(root)) {
    const helper = helperOf(fn, ctx);
    if (helper) helpers.set(name, helper);
  }
  return helpers;
}

export function moduleOf(node: SyntaxNode): SyntaxNode {
  let root = node;
  while (root.parent) root = root.parent;
  return root;
}

/** The functions a module defines at its top level, decorated ones included, by name. */
export function moduleFunctions(root: SyntaxNode): Array<{ name: string; fn: SyntaxNode }> {
  return root.namedChildren.flatMap((statement) => {
    const fn = statement.type === 'decorated_definition' ? statement.childForFieldName('definition') : statement;
    const name = fn?.type === 'function_definition' ? fn.childForFieldName('name')?.text : undefined;
    return fn && name ? [{ name, fn }] : [];
  });
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
      const index = arg?.type === 'identifier' && !reassigned.has(arg.text) ? params.findIndex((p) => p.name === arg.text && p.splat !== 'kwargs') : -1;
      return index === -1 ? undefined : { index, name: params[index]!.name, ...(params[index]!.splat ? { splat: true as const } : {}) };
    };
    if (calls(site, COMMAND_STRING_RUNNERS)) {
      const param = passed(argument(site, 0, 'cmd') ?? site.keywords.get('command'));
      if (param && !param.splat) return { ...param, kind: 'script' };
    }
    // The os.exec and os.spawn functions take the program first; only subprocess takes the argv whole.
    if (!calls(site, SUBPROCESS_RUNNERS)) continue;
    const param = passed(argument(site, 0, 'args'));
    if (!param) continue;
    const shell = site.keywords.get('shell');
    const shellParam = shell && !param.splat ? passed(shell) : undefined;
    if (shellParam && !shellParam.splat) return { ...param, kind: 'argv', shell: { index: shellParam.index, name: shellParam.name, ...defaultOf(fn, shellParam.name) } };
    return { ...param, kind: shell && ctx.truthOf(shell) === true && !param.splat ? 'script' : 'argv' };
  }
  return undefined;
}

/** The default value of parameter `name` of `fn`, if it has one. */
function defaultOf(fn: SyntaxNode, name: string): { default?: SyntaxNode } {
  const param = fn.childForFieldName('parameters')?.namedChildren.find((p) => p.childForFieldName('name')?.text === name);
  const value = param?.childForFieldName('value');
  return value ? { default: value } : {};
}

/** Nodes of `type` under `node`, not inside a nested function or class (whose code runs elsewhere); iterative, as code may nest deeper than the stack. */
function descendants(node: SyntaxNode, type: string): SyntaxNode[] {
  const found: SyntaxNode[] = [];
  const pending = [...node.namedChildren].reverse();
  while (pending.length > 0) {
    const child = pending.pop()!;
    if (child.type === 'function_definition' || child.type === 'class_definition' || child.type === 'lambda') continue;
    if (child.type === type) found.push(child);
    for (let i = child.namedChildren.length - 1; i >= 0; i--) pending.push(child.namedChildren[i]!);
  }
  return found;
}
