import type { SourceText } from '../../../core/source-text.js';
import type { CallSite } from '../call-site.js';
import type { SinkFact, TaintFlowFact, TaintSummary, ViaFact } from '../facts.js';
import type { SyntaxNode } from '../parser.js';
import type { FlowSink, TaintChecker } from './checker.js';
import { definitionIn, parametersOf } from './engine.js';
import { dependsOnImports, type Flow, type ImportedCall, type Via } from './flow.js';
import { importRootsOf, mayBeRepoFunction } from './repo-imports.js';

/**
 * What other modules need to follow taint through this one: for each module-level function,
 * which parameters reach which sinks (with the steps inside) and what it returns (an ingestion
 * point, a parameter, another imported function's result); each call to an imported name that
 * hands it untrusted data; and the sinks whose flows hang on what imported functions return.
 */
export function taintSummary(root: SyntaxNode, checker: TaintChecker, calls: CallSite[], imports: Map<string, string>, source: SourceText): TaintSummary {
  const facts = new FlowFacts(source);
  const functions: TaintSummary['functions'] = [];
  const returns: NonNullable<TaintSummary['returns']> = [];
  const untainted: string[] = [];
  for (const { fn, name } of summarisedFunctions(root)) {
    // Splat parameters keep their stars: callers bind the arguments left over to them.
    const params = parametersOf(fn).map((p) => (p.splat === 'args' ? `*${p.name}` : p.splat === 'kwargs' ? `**${p.name}` : p.name));
    const sinks = checker.paramSinksOf(fn).flatMap((entry) => {
      if (!('param' in entry.flow.origin)) return [];
      const via = facts.via(entry.flow.via);
      return [{ ...facts.sink(entry), param: entry.flow.origin.param.index, steps: entry.flow.steps, ...(via ? { via } : {}) }];
    });
    if (sinks.length > 0) functions.push({ name, params, sinks });
    // Parameters of other functions (an `__init__` behind `self.x`) mean nothing to a caller of this one.
    const flows = checker.engine.returnFlows(fn, 0).filter((f) => !('param' in f.origin) || f.origin.param.fn.id === fn.id);
    // Most functions return something of a parameter: only the return is kept of the way, to keep facts small.
    if (flows.length > 0) returns.push({ name, params, flows: flows.map((f) => facts.flow('param' in f.origin ? lastStepOnly(f) : f)) });
    else untainted.push(name);
  }
  const deferred = checker.deferred.map((d) => ({ ...facts.sink(d), flow: facts.flow(d.flow) }));
  const outgoing: TaintSummary['calls'] = [];
  const importRoots = importRootsOf(imports);
  const hasSources = checker.engine.sources.length > 0;
  for (const call of calls) {
    if (!call.name) continue;
    // Methods of imported classes count too: `loader.run(x)` after `loader = Loader()`.
    const repoCallee = mayBeRepoFunction(call.name, importRoots);
    // Ingestion points of this module, or results of other modules' functions, start the flows worth passing on.
    if (!repoCallee && !(hasSources && imports.has(call.node.childForFieldName('function')?.text.split('.')[0] ?? ''))) continue;
    const args: TaintSummary['calls'][number]['args'] = [];
    const returned: NonNullable<TaintSummary['calls'][number]['returned']> = [];
    const passed: Array<[number, string | undefined, SyntaxNode]> = [...call.positional.map((n, i): [number, undefined, SyntaxNode] => [i, undefined, n]), ...[...call.keywords].map(([k, n]): [number, string, SyntaxNode] => [-1, k, n])];
    for (const [index, keyword, node] of passed) {
      const flows = checker.engine.flowsOf(node).filter((f) => !f.validated);
      const flow = flows.find((f) => 'source' in f.origin && !f.via);
      if (flow && 'source' in flow.origin) args.push({ index, ...(keyword ? { keyword } : {}), steps: flow.steps, source: flow.origin.source.id });
      const fromImports = repoCallee ? flows.filter((f) => dependsOnImports(f) && !('param' in f.origin)) : [];
      for (const f of fromImports) returned.push({ index, ...(keyword ? { keyword } : {}), flow: facts.flow(f) });
    }
    if (args.length > 0 || returned.length > 0) outgoing.push({ callee: call.name, line: call.node.startPosition.row + 1, args, ...(returned.length > 0 ? { returned } : {}) });
  }
  return {
    functions,
    calls: outgoing,
    ...(facts.importedCalls.length > 0 ? { importedCalls: facts.importedCalls } : {}),
    ...(returns.length > 0 ? { returns } : {}),
    ...(untainted.length > 0 ? { untainted } : {}),
    ...(deferred.length > 0 ? { deferred } : {}),
    ...(checker.reportedFlows.length > 0 ? { reported: checker.reportedFlows } : {}),
  };
}

/** Flows and sinks as plain data, with the imported calls they mention numbered. */
class FlowFacts {
  readonly importedCalls: NonNullable<TaintSummary['importedCalls']> = [];
  private readonly numbers = new Map<number, number>();

  constructor(private readonly source: SourceText) {}

  flow(flow: Flow): TaintFlowFact {
    const { origin } = flow;
    const via = this.via(flow.via);
    return {
      ...('source' in origin ? { source: { id: origin.source.id, kind: origin.source.kind, api: origin.source.api, line: origin.source.line, ...(origin.source.dataset !== undefined ? { dataset: origin.source.dataset } : {}), credential: origin.source.credential } } : {}),
      ...('param' in origin ? { param: origin.param.index } : {}),
      ...('call' in origin ? { call: this.number(origin.call) } : {}),
      steps: flow.steps,
      validated: flow.validated,
      ...(flow.stoppedFor ? { stoppedFor: flow.stoppedFor } : {}),
      ...(via ? { via } : {}),
    };
  }

  via(list: Via[] | undefined): ViaFact[] | undefined {
    return list?.map((v) => ({ call: this.number(v.call), arg: v.arg, at: v.at }));
  }

  sink(entry: FlowSink): SinkFact {
    const { startPosition: start, endPosition: end } = entry.sink;
    return {
      family: entry.family,
      line: start.row + 1,
      column: start.column + 1,
      endLine: end.row + 1,
      endColumn: end.column + 1,
      snippet: this.source.snippet(start.row + 1),
      does: entry.spec.does,
      api: entry.api,
    };
  }

  private number(call: ImportedCall): number {
    let n = this.numbers.get(call.node.id);
    if (n === undefined) {
      n = this.importedCalls.push({ callee: call.callee, line: call.node.startPosition.row + 1 }) - 1;
      this.numbers.set(call.node.id, n);
    }
    return n;
  }
}

/** The flow with only its last step (the return); imported calls it passed before that now sit before it. */
function lastStepOnly(flow: Flow): Flow {
  const n = flow.steps.length;
  const via = flow.via?.map((v) => ({ ...v, at: v.at >= n ? 1 : 0 }));
  return { ...flow, steps: flow.steps.slice(-1), ...(via ? { via } : {}) };
}

const DUNDER = /^__\w+__$/;

/**
 * Functions other modules can call by name: module-level ones, and methods of module-level
 * classes as `Class.method` — not `__init__` and the like, which Python calls, not callers.
 */
function summarisedFunctions(root: SyntaxNode): Array<{ fn: SyntaxNode; name: string }> {
  const found: Array<{ fn: SyntaxNode; name: string }> = [];
  for (const def of root.namedChildren.map(definitionIn)) {
    if (def?.type === 'function_definition') found.push({ fn: def, name: def.childForFieldName('name')?.text ?? '' });
    if (def?.type !== 'class_definition') continue;
    const cls = def.childForFieldName('name')?.text ?? '';
    for (const member of def.childForFieldName('body')?.namedChildren.map(definitionIn) ?? []) {
      const name = member?.childForFieldName('name')?.text ?? '';
      if (member?.type === 'function_definition' && !DUNDER.test(name)) found.push({ fn: member, name: `${cls}.${name}` });
    }
  }
  return found;
}
