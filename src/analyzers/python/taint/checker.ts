import type { ReportOptions } from '../../../core/analyzer.js';
import type { TraceStep } from '../../../core/finding.js';
import { argument, calleeName, type CallSite } from '../call-site.js';
import { containerArgv } from '../airflow-templated-operators.js';
import { extractionFilter } from '../extraction-filter.js';
import { yamlLoadVerdict } from '../rules/yaml-load.js';
import { clientQuery, shellScript, startedProgram } from '../rules/shell.js';
import type { SyntaxNode } from '../parser.js';
import type { ReportedFlow } from '../facts.js';
import type { ValueClassifier } from '../values.js';
import { type TaintEngine, reaches } from './engine.js';
import { dependsOnImports, type Flow, flowKey, joinFlows, lineOf, originKey, type SourceHit } from './flow.js';
import { type SinkFamily, type SinkSpec, DEFAULT_DATASET, matchSinks, opensForWriting, receiverMatches, sparkJdbcQuery } from './sinks.js';
import { CREDENTIAL_NAME, OPERATOR_SOURCES } from './sources.js';

/** A sink reached by a flow: from one of the function's parameters, or one whose fate another module's summary decides. */
export interface FlowSink {
  family: SinkFamily;
  spec: SinkSpec;
  sink: SyntaxNode;
  api: string;
  flow: Flow;
}

/** One sink met in the file, for lineage. */
export interface SinkHit {
  id: string;
  kind: SinkSpec['kind'];
  family: SinkFamily;
  api: string;
  line: number;
  dataset?: string;
  function?: string;
  sources: Set<string>;
  validated: boolean;
  /** The call reads its dataset (a constant SELECT, open() for reading, a loader) rather than sending data there. */
  reads: boolean;
}

export type TaintReport = (family: SinkFamily, node: SyntaxNode, options: ReportOptions) => void;

const MAX_SUMMARY_ROUNDS = 4;
/**
 * Paths through imported calls kept per parameter, sink and origin. Chains of imported calls
 * combine into exponentially many (gsutil's rsync.py ran past 250 s); the project step needs only
 * a few, as mergeFlows keeps a few per expression.
 */
const MAX_PATHS_PER_ROUTE = 4;
/** Operations that, in a Spark condition, build a Column rather than text. */
const COLUMN_OPERATIONS = new Set(['comparison_operator', 'boolean_operator', 'not_operator', 'unary_operator', 'attribute']);
const COLUMN_JOINS = new Set(['&', '|', '^']);
/** Functions that build column expressions, not text: Spark's and polars'. */
const EXPRESSION_LIBRARIES = ['pyspark.sql.functions.', 'polars.'];
/** Calls that open the file their first argument names, in the mode their second gives. */
const FILE_OPENERS = new Set(['builtins.open', 'io.open', 'codecs.open']);
/** What a built path may be reshaped into at once: canonicalised (`.resolve()`), or cut to its last component. */
const RESHAPING_ATTRIBUTES = new Set(['resolve', 'name', 'stem']);

/** A sink function handed over as a callback (`series.map(os.system)`): it is called with each element. */
interface HandedSink {
  spec: SinkSpec;
  api: string;
  elements: SyntaxNode;
}

/**
 * Checks sinks against the engine's flows: reports ingestion-point flows at once, keeps
 * parameter flows as function summaries and, once every call is seen, reports the call sites
 * that hand those parameters untrusted data (repeating so summaries compose through callers).
 */
export class TaintChecker {
  private readonly matches = new Map<number, SinkSpec[]>();
  private readonly handed = new Map<number, HandedSink[]>();
  /** Calls that hand each element of something to a function of this file. */
  private readonly callbacks: Array<{ call: CallSite; fn: SyntaxNode; elements: SyntaxNode }> = [];
  private readonly paramSinks = new Map<number, FlowSink[]>();
  /** Per function, the flow keys kept for each family, sink and origin. */
  private readonly paramRoutes = new Map<number, Map<string, Set<string>>>();
  private readonly reported = new Set<string>();
  /** The sink calls reported, by family and source: a sink nested in one of them is the same problem. */
  private readonly reportedSinks = new Map<string, SyntaxNode[]>();
  /** The flows reported from this module, one per sink line, family and source. */
  readonly reportedFlows: ReportedFlow[] = [];
  /** Flows into sinks that depend on imported calls, left to the project step. */
  readonly deferred: FlowSink[] = [];
  readonly calls: CallSite[] = [];
  readonly sinks = new Map<string, SinkHit>();
  /** The constants and names of the file, as the extraction-filter judgement asks for them. */
  private readonly valuesAndNames = { constantOf: (n: SyntaxNode) => this.values.constantOf(n), nameOf: (n: SyntaxNode) => this.engine.nameOf(n) };

  constructor(
    readonly engine: TaintEngine,
    private readonly values: ValueClassifier,
    private readonly path: string,
    private readonly report: TaintReport,
    /** Whether other modules' summaries will be joined with this module's: not for notebooks, which nothing imports and whose taint facts are not kept. */
    private readonly summarised = !path.endsWith('.ipynb'),
  ) {}

  /** Every call of the file passes here first: its source and sinks are noted for lineage. */
  visit(call: CallSite): void {
    this.calls.push(call);
    this.engine.sourceAt(call.node, call);
    const name = call.name ?? '';
    const specs = matchSinks(name, call.method, this.engine.isImportedName(name)).filter((s) => this.applies(call, s));
    if (specs.length > 0) this.matches.set(call.node.id, specs);
    for (const spec of specs) if (spec.family === 'write') this.check(call, 'write');
    this.noteCallback(call);
  }

  check(call: CallSite, family: SinkFamily): void {
    for (const spec of this.matches.get(call.node.id) ?? []) {
      if (spec.family !== family) continue;
      const flows = sinkArguments(call, spec, this.values)
        .filter((a) => !spec.checkedWhenBuilt?.includes(this.engine.nameOf(a) ?? ''))
        .filter((a) => !spec.textOnly || this.mayBeText(a))
        .filter((a) => !spec.pathOnly || !this.engine.holdsStream(a))
        .filter((a) => !spec.notDocumentText || !this.engine.holdsDocumentText(a))
        .flatMap((a) => this.engine.flowsOf(a));
      if (!spec.ingests) this.noteSink(call, spec, flows);
      this.reach(call.node, calleeName(call), spec, family, flows);
    }
    for (const { spec, api, elements } of this.handed.get(call.node.id) ?? []) {
      if (spec.family !== family) continue;
      const step = this.engine.step(lineOf(call.node), `each element passed to ${api}()`);
      this.reach(call.node, api, spec, family, this.engine.flowsOf(elements).map((f) => ({ ...f, steps: [...f.steps, step] })));
    }
  }

  private reach(sink: SyntaxNode, api: string, spec: SinkSpec, family: SinkFamily, flows: Flow[]): void {
    for (const flow of flows) {
      if (!reaches(flow, family) || (family === 'credential-logging' && !isCredential(flow))) continue;
      if ('param' in flow.origin) this.addFlowSink(flow.origin.param.fn, { family, spec, sink, api, flow });
      else this.emit(family, sink, api, spec, flow);
    }
  }

  /**
   * A callback site: a sink function handed over whole is a sink of the elements (only one that
   * takes its data first and needs no flag such as shell=True); a function of this file gets
   * them in its first parameter, which `finish` follows.
   */
  private noteCallback(call: CallSite): void {
    const site = this.engine.callbackSite(call);
    if (!site) return;
    const fn = this.engine.localFunction(site.callback);
    if (fn) {
      this.callbacks.push({ call, fn, elements: site.elements });
      return;
    }
    const name = this.engine.nameOf(site.callback);
    if (!name || (site.callback.type !== 'attribute' && site.callback.type !== 'identifier')) return;
    const specs = matchSinks(name, undefined, this.engine.isImportedName(name)).filter(
      (s) => s.family !== 'write' && !s.whenTrue && !s.whenFalse && s.writeMode === undefined && s.args.some((a) => a === 'all' || (typeof a === 'object' && a.index === 0)),
    );
    if (specs.length > 0) this.handed.set(call.node.id, specs.map((spec) => ({ spec, api: name, elements: site.elements })));
  }

  /**
   * Checks what `@task.bash` functions return, then reports flows into functions' parameters from
   * their call sites in this file, callback sites included.
   */
  finish(): void {
    for (const { fn, value } of this.engine.bashTaskCommands()) {
      const api = `@task.bash ${fn.childForFieldName('name')?.text ?? 'task'}`;
      this.reach(value, api, BASH_TASK_SINK, 'command-injection', this.engine.flowsOf(value));
    }
    for (let round = 0, changed = true; changed && round < MAX_SUMMARY_ROUNDS; round++) {
      changed = false;
      for (const { call, fn, elements } of this.callbacks) {
        changed = this.feed(call, fn, (index) => (index === 0 ? [elements] : []), 'each element passed to', false) || changed;
      }
      for (const call of this.calls) {
        const local = this.engine.localCallee(call);
        if (local) changed = this.feed(call, local.fn, (index) => this.engine.argumentsFor(call, local.fn, index, local.offset), 'passed to', true) || changed;
      }
    }
  }

  /**
   * Joins what a call hands a function's parameters with where those parameters go; whether a
   * summary grew. Where the function unpacks a parameter's elements (`for line, reason, raw in
   * rejects`) and the call hands the argument itself, only the unpacked item of it is followed.
   */
  private feed(call: CallSite, fn: SyntaxNode, argumentsFor: (index: number) => SyntaxNode[], verb: string, whole: boolean): boolean {
    let changed = false;
    const fname = fn.childForFieldName('name')?.text ?? 'lambda';
    for (const entry of [...(this.paramSinks.get(fn.id) ?? [])]) {
      if (!('param' in entry.flow.origin)) continue;
      const { index, name } = entry.flow.origin.param;
      for (const arg of argumentsFor(index)) changed = this.feedArgument(call, arg, entry, `${verb} ${fname}() as ${name}`, whole) || changed;
    }
    return changed;
  }

  /** Joins what one argument carries with where its parameter goes (`via` names the passing); whether a summary grew. */
  private feedArgument(call: CallSite, arg: SyntaxNode, entry: FlowSink, via: string, whole: boolean): boolean {
    let changed = false;
    const item = whole && 'param' in entry.flow.origin ? entry.flow.origin.param.item : undefined;
    for (const flow of (item && this.engine.itemFlows(arg, item)) || this.engine.flowsOf(arg)) {
      if (!reaches(flow, entry.family)) continue;
      const joined = joinFlows(flow, [this.engine.step(lineOf(call.node), via)], entry.flow);
      if ('param' in flow.origin) changed = this.addFlowSink(flow.origin.param.fn, { ...entry, flow: joined }) || changed;
      else this.emit(entry.family, entry.sink, entry.api, entry.spec, joined);
    }
    return changed;
  }

  /** Parameter-to-sink summaries of a function, for cross-module facts. */
  paramSinksOf(fn: SyntaxNode): FlowSink[] {
    return this.paramSinks.get(fn.id) ?? [];
  }

  /** Not a column expression: no comparison or boolean operation, no Column attribute, no call of Spark's or polars' functions or of their results' methods. */
  private mayBeText(arg: SyntaxNode): boolean {
    if (arg.type === 'parenthesized_expression' && arg.namedChildren.length === 1) return this.mayBeText(arg.namedChildren[0]!);
    if (COLUMN_OPERATIONS.has(arg.type)) return false;
    // `(F.col("a") == v) & (F.col("b") > w)`: Columns joined; `+` may build text.
    if (arg.type === 'binary_operator' && COLUMN_JOINS.has(arg.childForFieldName('operator')?.text ?? '')) return false;
    const fn = arg.type === 'call' ? arg.childForFieldName('function') : null;
    const name = fn ? this.engine.nameOf(fn) : undefined;
    return !(name && EXPRESSION_LIBRARIES.some((l) => name.startsWith(l)));
  }

  private applies(call: CallSite, spec: SinkSpec): boolean {
    if (spec.buildsOnly && (this.isMessageText(call) || this.reshapedAtOnce(call))) return false;
    if (spec.maxPositional !== undefined && call.positional.length > spec.maxPositional) return false;
    if (spec.calledAtOnce && !this.calledAtOnce(call)) return false;
    if (spec.receiver && !receiverMatches(call, spec.receiver)) return false;
    if (spec.namedBy) {
      const name = argument(call, 0, spec.namedBy.keyword);
      const named = name ? this.values.constantOf(name) : undefined;
      if (typeof named !== 'string' || !spec.namedBy.names.includes(named.toLowerCase())) return false;
    }
    if (spec.filtered && extractionFilter(call, this.valuesAndNames) === 'safe') return false;
    if (spec.unsafeYamlLoader && yamlLoadVerdict(call, (n) => this.engine.lineageOf(n)) !== 'unsafe') return false;
    if (spec.whenTrue) {
      const flag = call.keywords.get(spec.whenTrue);
      if (!flag || this.values.truthOf(flag) !== true) return false;
    }
    if (spec.objectsPassed && [...call.positional, ...call.keywords.values()].every((a) => this.values.kindOf(a) === 'literal')) return false;
    if (spec.unlessTrue) {
      const flag = call.keywords.get(spec.unlessTrue);
      if (flag && this.values.truthOf(flag) === true) return false;
    }
    if (spec.whenFalse) {
      const flag = call.keywords.get(spec.whenFalse);
      if (!flag || this.values.truthOf(flag) !== false) return false;
    }
    return spec.writeMode === undefined || opensForWriting(call, this.values) === spec.writeMode;
  }

  /**
   * `getattr(obj, name)(…)`: the looked-up attribute runs. A name built on a fixed start
   * (`getattr(self, f"handle_{kind}")()`) picks among the object's own handlers, which is dispatch.
   */
  private calledAtOnce(call: CallSite): boolean {
    const parent = call.node.parent;
    const name = argument(call, 1, 'name');
    return parent?.type === 'call' && parent.childForFieldName('function')?.id === call.node.id && name !== undefined && this.values.templateOf(name) === undefined;
  }

  /**
   * `os.path.realpath(os.path.join(base, name))`, `Path(base, name).resolve()`, `Path(name).name`:
   * the path built is canonicalised or cut to its last component at once, and judged where that is
   * used (a containment check may come between).
   */
  private reshapedAtOnce(call: CallSite): boolean {
    const parent = call.node.parent;
    if (parent?.type === 'attribute') return RESHAPING_ATTRIBUTES.has(parent.childForFieldName('attribute')?.text ?? '');
    const outer = parent?.type === 'argument_list' ? parent.parent : undefined;
    return outer?.type === 'call' && this.engine.holdsCanonicalPath(outer);
  }

  /** `log.info("patch %s failed", os.path.join(a, b))`, `print(…)`, `f"{…}"`: the value is written into a message. */
  private isMessageText(call: CallSite): boolean {
    const parent = call.node.parent;
    if (parent?.type === 'interpolation') return true;
    const outer = parent?.type === 'argument_list' ? parent.parent : undefined;
    if (outer?.type !== 'call') return false;
    const site = this.engine.callSiteAt(outer);
    const name = site.name ?? '';
    return name === 'builtins.print' || matchSinks(name, site.method, this.engine.isImportedName(name)).some((s) => s.family === 'credential-logging');
  }


  private readsDataset(call: CallSite, spec: SinkSpec, where: { index: number; keyword: string }): boolean {
    if (spec.kind === 'table') return this.engine.runsReadOnlyQuery(call, where);
    if (spec.family === 'deserialization') return true;
    return FILE_OPENERS.has(call.name ?? '') && !opensForWriting(call, this.values);
  }

  private addFlowSink(fn: SyntaxNode, entry: FlowSink): boolean {
    const routes = this.paramRoutes.get(fn.id) ?? new Map<string, Set<string>>();
    const route = `${entry.family}:${entry.sink.id}:${originKey(entry.flow.origin)}`;
    const paths = routes.get(route) ?? new Set<string>();
    const key = flowKey(entry.flow);
    if (paths.has(key) || paths.size >= MAX_PATHS_PER_ROUTE) return false;
    paths.add(key);
    routes.set(route, paths);
    this.paramRoutes.set(fn.id, routes);
    const list = this.paramSinks.get(fn.id) ?? [];
    list.push(entry);
    this.paramSinks.set(fn.id, list);
    return true;
  }

  private emit(family: SinkFamily, sink: SyntaxNode, api: string, spec: SinkSpec, flow: Flow): void {
    if (this.summarised && dependsOnImports(flow)) {
      if (!this.deferred.some((d) => d.family === family && d.sink.id === sink.id && flowKey(d.flow) === flowKey(flow))) this.deferred.push({ family, spec, sink, api, flow });
      return;
    }
    if (!('source' in flow.origin)) return;
    const source = flow.origin.source;
    // Nested sinks of one family (`open(os.path.join(base, name))`, `execute(\n text(q))`), or two
    // on a line, are one problem.
    const key = `${family}:${lineOf(sink)}:${source.id}`;
    const around = `${family}:${source.id}`;
    const sinks = this.reportedSinks.get(around) ?? [];
    if (this.reported.has(key) || sinks.some((s) => nested(s, sink) || nested(sink, s))) return;
    this.reported.add(key);
    sinks.push(sink);
    this.reportedSinks.set(around, sinks);
    this.reportedFlows.push({ family, line: lineOf(sink), source: source.id });
    const trace: TraceStep[] = [...flow.steps, this.engine.step(lineOf(sink), sinkLabel(api, spec.does))];
    this.report(family, sink, flowReport(family, api, spec.does, source, trace));
  }

  private noteSink(call: CallSite, spec: SinkSpec, flows: Flow[]): void {
    const line = lineOf(call.node);
    const id = `${this.path}#L${line}:${call.node.startPosition.column + 1}`;
    const hit = this.sinks.get(id);
    const sources = flows.flatMap((f) => ('source' in f.origin ? [f.origin.source.id] : []));
    const known = flows.filter((f) => !('call' in f.origin));
    const validated = known.length > 0 && known.every((f) => !reaches(f, spec.family));
    if (hit) {
      for (const s of sources) hit.sources.add(s);
      hit.validated &&= validated;
      return;
    }
    const where = spec.dataset ?? DEFAULT_DATASET;
    const dataset = this.engine.datasetOf(call, where, spec.kind);
    const fn = this.engine.functionAt(call.node);
    this.sinks.set(id, {
      id,
      kind: spec.kind,
      family: spec.family,
      api: calleeName(call),
      line,
      ...(dataset !== undefined ? { dataset } : {}),
      ...(fn ? { function: fn } : {}),
      sources: new Set(sources),
      validated,
      reads: this.readsDataset(call, spec, where),
    });
  }
}

/** The ingestion point a finding's data comes from, as the message names it. */
export type ReportedSource = Pick<SourceHit, 'api' | 'dataset' | 'line'> & { kind: string };

export function sinkLabel(api: string, does: string): string {
  return `sink: ${api}() — the value ${does}`;
}

/** What a `@task.bash` function returns, which Airflow hands to bash. */
const BASH_TASK_SINK: SinkSpec = { family: 'command-injection', kind: 'command', args: [], does: 'is run by bash as the task\'s command' };

/** Sinks whose argument is what a job's operator picks: a file to read, an endpoint to call, a settings or plugin module to load. */
const OPERATOR_CHOSEN: ReadonlySet<SinkFamily> = new Set(['path-traversal', 'ssrf', 'format-string', 'html-injection', 'dynamic-import']);

/** How a flow from `source` into a sink is reported, in this module or through others. */
export function flowReport(family: SinkFamily, api: string, does: string, source: ReportedSource, trace: TraceStep[], through = ''): ReportOptions & { message: string } {
  // A batch job opening the paths, fetching the URLs or formatting with the templates its own
  // command line or environment names is doing its job; whoever controls those already runs the
  // job. Kept, but ranked low.
  const operatorChoice = OPERATOR_CHOSEN.has(family) && OPERATOR_SOURCES.has(source.kind);
  return {
    message: `${api}() gets data from ${describe(source)} (line ${source.line})${through}; the value ${does}${operatorChoice ? ' (a command-line or environment value: trusted as far as the job’s operator is)' : ''}`,
    confidence: operatorChoice ? 'low' : 'high',
    ...(operatorChoice ? { severity: 'low' as const } : {}),
    trace,
  };
}

function describe(source: ReportedSource): string {
  return `${source.api} (${source.kind}${source.dataset ? ` ${source.dataset}` : ''})`;
}

/** Whether a flow carries a credential; what an imported call returns is left to the project step. */
function isCredential(flow: Flow): boolean {
  if ('call' in flow.origin) return true;
  return 'source' in flow.origin ? flow.origin.source.credential : CREDENTIAL_NAME.test(flow.origin.param.name);
}

/** The argument nodes of a sink call that must not carry untrusted data. */
export function sinkArguments(call: CallSite, spec: SinkSpec, values: Pick<ValueClassifier, 'constantOf'>): SyntaxNode[] {
  return spec.args.flatMap((arg) => {
    if (arg === 'all') return [...call.positional, ...call.keywords.values()];
    if (arg === 'jdbc-query') return sparkJdbcQuery(call, (n) => values.constantOf(n));
    if (arg === 'shell-script' || arg === 'client-query') {
      const [program, ...args] = containerArgv(call);
      const started = program ? { program, args } : startedProgram(call);
      if (!started) return [];
      return arg === 'client-query' ? clientQuery(values, started.program, started.args) : (shellScript(values, started.program, started.args)?.parts ?? []);
    }
    if (arg === 'receiver') {
      const fn = call.node.childForFieldName('function');
      const object = fn?.type === 'attribute' ? fn.childForFieldName('object') : undefined;
      return object ? [object] : [];
    }
    const node = call.positional[arg.index] ?? call.keywords.get(arg.keyword);
    return node ? [node] : [];
  });
}

/** Whether `inner` lies within `outer`'s text. */
function nested(outer: SyntaxNode, inner: SyntaxNode): boolean {
  return outer.startIndex <= inner.startIndex && inner.endIndex <= outer.endIndex;
}
