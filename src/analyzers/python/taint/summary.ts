import type { SourceText } from '../../../core/source-text.js';
import type { CallSite } from '../call-site.js';
import type { TaintSummary } from '../facts.js';
import type { SyntaxNode } from '../parser.js';
import type { TaintChecker } from './checker.js';
import { parameterNames } from './engine.js';

/**
 * What other modules need to follow taint through this one: for each module-level function,
 * which parameters reach which sinks (with the steps inside), and each call to an imported
 * name that hands it untrusted data.
 */
export function taintSummary(root: SyntaxNode, checker: TaintChecker, calls: CallSite[], imports: Map<string, string>, source: SourceText): TaintSummary {
  const functions: TaintSummary['functions'] = [];
  for (const fn of root.namedChildren.flatMap(topLevelFunction)) {
    const sinks = checker.paramSinksOf(fn).flatMap((entry) => {
      if (!('param' in entry.flow.origin)) return [];
      const { startPosition: start, endPosition: end } = entry.sink;
      return [
        {
          param: entry.flow.origin.param.index,
          family: entry.family,
          line: start.row + 1,
          column: start.column + 1,
          endLine: end.row + 1,
          endColumn: end.column + 1,
          snippet: source.snippet(start.row + 1),
          steps: entry.flow.steps,
          does: entry.spec.does,
          api: entry.api,
        },
      ];
    });
    if (sinks.length > 0) functions.push({ name: fn.childForFieldName('name')?.text ?? '', params: parameterNames(fn), sinks });
  }
  const outgoing: TaintSummary['calls'] = [];
  // Only ingestion points start flows worth passing on; a module without any has none.
  for (const call of checker.engine.sources.length > 0 ? calls : []) {
    const callee = call.node.childForFieldName('function');
    if (!call.name || !callee || !imports.has(callee.text.split('.')[0]!)) continue;
    const args: TaintSummary['calls'][number]['args'] = [];
    const passed: Array<[number, string | undefined, SyntaxNode]> = [...call.positional.map((n, i): [number, undefined, SyntaxNode] => [i, undefined, n]), ...[...call.keywords].map(([k, n]): [number, string, SyntaxNode] => [-1, k, n])];
    for (const [index, keyword, node] of passed) {
      const flow = checker.engine.flowsOf(node).find((f) => 'source' in f.origin && !f.validated);
      if (flow && 'source' in flow.origin) args.push({ index, ...(keyword ? { keyword } : {}), steps: flow.steps, source: flow.origin.source.id });
    }
    if (args.length > 0) outgoing.push({ callee: call.name, line: call.node.startPosition.row + 1, args });
  }
  return { functions, calls: outgoing };
}

function topLevelFunction(node: SyntaxNode): SyntaxNode[] {
  if (node.type === 'function_definition') return [node];
  const inner = node.type === 'decorated_definition' ? node.childForFieldName('definition') : null;
  return inner?.type === 'function_definition' ? [inner] : [];
}

