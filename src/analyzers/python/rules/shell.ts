import type { SyntaxNode } from '../parser.js';
import type { PythonContext } from '../python-rule.js';

const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'ash', 'cmd', 'cmd.exe', 'powershell', 'powershell.exe', 'pwsh']);

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
  const path = program ? ctx.constantOf(program) : undefined;
  if (typeof path !== 'string' || !SHELLS.has(basename(path))) return undefined;
  for (const [i, arg] of args.entries()) {
    const value = ctx.constantOf(arg);
    if (isCommandFlag(value)) return args[i + 1];
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
