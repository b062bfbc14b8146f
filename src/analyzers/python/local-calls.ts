import type { Bindings } from './bindings.js';
import type { SyntaxNode } from './parser.js';

const SIMPLE_PARAMETERS = new Set(['identifier', 'typed_parameter', 'default_parameter', 'typed_default_parameter']);
const SCOPES = new Set(['function_definition', 'class_definition', 'module']);

/**
 * What the calls of a file's own helpers pass them. A function only this file can call — one
 * nested in another function, or a module-level `_private` one — whose every mention is a call
 * has all its arguments in view, so a parameter is what those calls pass. Decorated functions,
 * methods, callbacks (`python_callable=load`) and public functions other modules may import are
 * not: their parameters stay unknown.
 */
export class LocalCalls {
  private readonly calls = new Map<number, SyntaxNode[] | undefined>();

  constructor(private readonly bindings: Bindings) {}

  /** The expressions every call passes for parameter `name` of `fn` (its default where a call leaves it out); undefined when not all are known. */
  argumentsFor(fn: SyntaxNode, name: string): SyntaxNode[] | undefined {
    const parameters = fn.childForFieldName('parameters')?.namedChildren.filter((p) => p.type !== 'comment') ?? [];
    const at = parameters.findIndex((p) => parameterName(p) === name);
    const parameter = parameters[at];
    if (!parameter || !SIMPLE_PARAMETERS.has(parameter.type)) return undefined;
    // Parameters after `*` or `*args` are passed by keyword only.
    const keywordOnly = parameters.slice(0, at).some((p) => p.type === 'keyword_separator' || p.type === 'list_splat_pattern');
    const position = keywordOnly ? undefined : at;
    const calls = this.callsOf(fn);
    if (!calls) return undefined;
    const passed: SyntaxNode[] = [];
    for (const call of calls) {
      const args = call.childForFieldName('arguments')?.namedChildren.filter((a) => a.type !== 'comment') ?? [];
      if (args.some((a) => a.type === 'list_splat' || a.type === 'dictionary_splat')) return undefined;
      const keyword = args.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === name)?.childForFieldName('value');
      const positional = args.filter((a) => a.type !== 'keyword_argument');
      const value = keyword ?? (position !== undefined ? positional[position] : undefined) ?? parameter.childForFieldName('value');
      if (!value) return undefined;
      passed.push(value);
    }
    return passed;
  }

  private callsOf(fn: SyntaxNode): SyntaxNode[] | undefined {
    if (!this.calls.has(fn.id)) this.calls.set(fn.id, this.findCalls(fn));
    return this.calls.get(fn.id);
  }

  private findCalls(fn: SyntaxNode): SyntaxNode[] | undefined {
    const name = fn.childForFieldName('name');
    if (!name || fn.type !== 'function_definition' || fn.parent?.type === 'decorated_definition') return undefined;
    let scope = fn.parent;
    while (scope && !SCOPES.has(scope.type)) scope = scope.parent;
    if (!scope || scope.type === 'class_definition') return undefined;
    if (scope.type === 'module' && !/^_(?!_)/.test(name.text)) return undefined;
    const calls: SyntaxNode[] = [];
    for (const mention of this.bindings.mentionsOf(name.text, scope)) {
      if (mention.id === name.id) continue;
      if (!this.bindings.visibleAt(name.text, mention)?.some((b) => b.kind === 'function' && b.node.id === fn.id)) continue;
      const call = mention.parent;
      if (call?.type !== 'call' || call.childForFieldName('function')?.id !== mention.id) return undefined;
      calls.push(call);
    }
    return calls.length > 0 ? calls : undefined;
  }

}

function parameterName(parameter: SyntaxNode): string | undefined {
  if (parameter.type === 'identifier') return parameter.text;
  return (parameter.childForFieldName('name') ?? parameter.namedChildren[0])?.text;
}
