import type { SyntaxNode } from './parser.js';

/** A call expression with its callee resolved through imports and simple assignments. */
export interface CallSite {
  node: SyntaxNode;
  /**
   * Dotted name of the callee as far as it resolves: `p.loads` after `import pickle as p` is
   * `pickle.loads`; `t.extractall` after `t = tarfile.open(f)` is `tarfile.open().extractall`;
   * a builtin the file does not rebind is `builtins.eval`; an unresolved receiver keeps its
   * own text (`cursor.execute`).
   */
  name: string | undefined;
  /** The attribute called, for method calls (`execute` in `cur.execute(q)`). */
  method: string | undefined;
  positional: SyntaxNode[];
  keywords: Map<string, SyntaxNode>;
  /** `*args` or `**kwargs` present: arguments not visible in the source. */
  hasSplat: boolean;
}

/** The callee's name: resolved where possible, else as written (`context["ti"].xcom_pull`). */
export function calleeName(call: CallSite): string {
  return call.name ?? call.node.childForFieldName('function')?.text ?? 'call';
}

/** The object a method is called on (`cur` in `cur.execute(q)`); undefined for a plain call. */
export function receiverOf(call: SyntaxNode): SyntaxNode | undefined {
  const fn = call.childForFieldName('function');
  return fn?.type === 'attribute' ? (fn.childForFieldName('object') ?? undefined) : undefined;
}

/** The positional argument at `index`, or else the keyword argument named `keyword`. */
export function argument(call: CallSite, index: number, keyword: string): SyntaxNode | undefined {
  return call.positional[index] ?? call.keywords.get(keyword);
}

/** True when the callee resolves to one of `names`. */
export function calls(call: CallSite, names: readonly string[]): boolean {
  return call.name !== undefined && names.includes(call.name);
}

/** What a call unpacks into its arguments: the `rows` of `*rows` and the `opts` of `**opts`, or only those of one kind. */
export function unpackedArguments(call: CallSite, kind?: 'list_splat' | 'dictionary_splat'): SyntaxNode[] {
  if (!call.hasSplat) return [];
  return (call.node.childForFieldName('arguments')?.namedChildren ?? [])
    .filter((a) => (kind ? a.type === kind : a.type === 'list_splat' || a.type === 'dictionary_splat'))
    .flatMap((a) => a.namedChildren.slice(0, 1));
}
