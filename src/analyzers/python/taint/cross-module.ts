import type { PythonFacts, SourceFact, TaintFlowFact, TaintSummary, TraceStepFact, ViaFact } from '../facts.js';

type FunctionSummary = TaintSummary['functions'][number];
type ImportedCallFact = NonNullable<TaintSummary['importedCalls']>[number];

/** A function of the repository a call lands on; `offset` parameters (self) the call fills implicitly. */
export interface Callee {
  file: string;
  name: string;
  params: string[];
  offset: number;
  sinks: FunctionSummary['sinks'];
  returns: TaintFlowFact[];
}

/**
 * A flow once the imported calls on it are resolved: from an ingestion point, or from parameter
 * `param` of the function it is in (whose returns list the steps after the parameter's own).
 */
export interface ResolvedFlow {
  source?: SourceFact;
  param?: number;
  steps: TraceStepFact[];
  validated: boolean;
  stoppedFor: string[];
}

type Tail = Omit<ResolvedFlow, 'source' | 'param'>;

/** Flows kept per function return or per resolved flow: one trace per way in is plenty. */
const MAX_RESOLVED = 8;

/**
 * The repository's modules as their summaries describe them: which function a dotted callee
 * names, and what that function's result carries once the calls in it are followed into other
 * modules in turn. Each function's result is resolved once; a function met again while its own
 * result is being resolved (recursion, import cycles) contributes nothing the second time.
 */
export class RepoFunctions {
  private readonly byName = new Map<string, { file: string; name: string; params: string[]; sinks: FunctionSummary['sinks']; returns: TaintFlowFact[] }>();
  private readonly resolved = new Map<string, ResolvedFlow[]>();

  constructor(private readonly facts: Map<string, PythonFacts>) {
    for (const [file, f] of facts) {
      const entries = new Map<string, { params: string[]; sinks: FunctionSummary['sinks']; returns: TaintFlowFact[] }>();
      for (const name of f.taint?.untainted ?? []) entries.set(name, { params: [], sinks: [], returns: [] });
      for (const fn of f.taint?.returns ?? []) entries.set(fn.name, { params: fn.params, sinks: [], returns: fn.flows });
      for (const fn of f.taint?.functions ?? []) entries.set(fn.name, { params: fn.params, returns: entries.get(fn.name)?.returns ?? [], sinks: fn.sinks });
      for (const [name, entry] of entries) {
        for (const module of moduleNames(file)) this.byName.set(`${module}.${name}`, { file, name, ...entry });
      }
    }
  }

  /**
   * The function of another module `callee` (as resolved in `file`) names: relative names are
   * taken from `file`'s package, and `Loader().fetch` is method `fetch` of class `Loader`, called
   * on an instance.
   */
  lookup(file: string, callee: string): Callee | undefined {
    const absolute = callee.startsWith('.') ? fromPackage(file, callee) : callee;
    const method = /^(.+)\(\)\.(\w+)$/.exec(absolute);
    const found = this.byName.get(method ? `${method[1]}.${method[2]}` : absolute);
    if (!found || found.file === file) return undefined;
    return { ...found, offset: method ? 1 : 0 };
  }

  /** The imported call numbered `index` in `file`'s summary. */
  importedCall(file: string, index: number): ImportedCallFact | undefined {
    return this.facts.get(file)?.taint?.importedCalls?.[index];
  }

  /** What a function returns, with the imported calls in it followed: ingestion points, and its own parameters. */
  returnsOf(callee: Callee): ResolvedFlow[] {
    const key = `${callee.file}\u0000${callee.name}`;
    const done = this.resolved.get(key);
    if (done) return done;
    this.resolved.set(key, []);
    const flows = callee.returns.flatMap((flow) => this.resolve(callee.file, flow)).slice(0, MAX_RESOLVED);
    this.resolved.set(key, flows);
    return flows;
  }

  /**
   * A flow of `file` with its imported calls resolved. Through a call of a repository function
   * the flow goes on only as far as that function returns the argument it went in by (with the
   * sanitizers on the way there); through anything else (a library) it goes on as it is. A flow
   * that starts at an imported call's result starts, for a repository function, at the ingestion
   * points that function returns, and for anything else nowhere.
   */
  resolve(file: string, flow: TaintFlowFact): ResolvedFlow[] {
    let tails: Tail[] = [{ steps: flow.steps, validated: flow.validated, stoppedFor: flow.stoppedFor ?? [] }];
    // From the last call back, so that each call's `at` still counts the steps it saw.
    for (const via of [...(flow.via ?? [])].reverse()) tails = tails.flatMap((t) => this.through(file, via, t)).slice(0, MAX_RESOLVED);
    if (flow.call === undefined) return tails.map((t) => ({ ...(flow.source ? { source: flow.source } : {}), ...(flow.param !== undefined ? { param: flow.param } : {}), ...t }));
    const call = this.importedCall(file, flow.call);
    const callee = call && this.lookup(file, call.callee);
    if (!callee) return [];
    const heads = this.returnsOf(callee).filter((r) => r.source);
    return heads.flatMap((head) => tails.map((t) => ({ source: head.source!, ...sanitizersOf(head, t), steps: [...head.steps, ...t.steps] }))).slice(0, MAX_RESOLVED);
  }

  private through(file: string, via: ViaFact, tail: Tail): Tail[] {
    const call = this.importedCall(file, via.call);
    const callee = call && this.lookup(file, call.callee);
    if (!call || !callee) return [tail];
    const index = via.arg === -1 ? callee.offset - 1 : parameterIndex(callee.params, via.arg, callee.offset);
    if (index < 0) return [];
    const into = { file, line: call.line, label: `passed to ${call.callee}() as ${callee.params[index] ?? `argument ${index + 1}`}` };
    const back = { file, line: call.line, label: `returned from ${call.callee}()` };
    return this.returnsOf(callee)
      .filter((r) => r.param === index)
      .map((r) => ({ ...sanitizersOf(r, tail), steps: [...tail.steps.slice(0, via.at), into, ...r.steps, back, ...tail.steps.slice(via.at)] }));
  }
}

/** The sanitizers on two parts of one flow. */
function sanitizersOf(a: Tail, b: Tail): Pick<Tail, 'validated' | 'stoppedFor'> {
  return { validated: a.validated || b.validated, stoppedFor: [...a.stoppedFor, ...b.stoppedFor] };
}

/** Whether a resolved flow still endangers a sink of `family`. */
export function stillReaches(flow: Tail, family: string): boolean {
  return !flow.validated && !flow.stoppedFor.includes(family);
}

/** `.loaders.fetch` imported in `pkg/job.py` is `pkg.loaders.fetch`; each further dot goes a package up. */
function fromPackage(file: string, relative: string): string {
  const dots = /^\.+/.exec(relative)![0].length;
  const packageParts = file.split('/').slice(0, -1);
  const base = packageParts.slice(0, Math.max(0, packageParts.length - (dots - 1)));
  return [...base, relative.slice(dots)].filter(Boolean).join('.');
}

/** Dotted module names a file may be imported as: `jobs/util.py` is `jobs.util`, and `util` from inside `jobs/`; `src/` layouts drop `src`. */
function moduleNames(file: string): string[] {
  const parts = file.replace(/\.py$/, '').replace(/\/__init__$/, '').split('/');
  return parts.map((_, i) => parts.slice(i).join('.'));
}

/**
 * The parameter of a summarised function (`params` as the summary writes them, `*args` and
 * `**kwargs` with their stars) that an argument binds to: a keyword by name, else to `**kwargs`;
 * a position by place, past a `*args` to it. -1 when none does.
 */
export function parameterIndex(params: readonly string[], arg: number | string, offset: number): number {
  if (typeof arg === 'string') return params.includes(arg) ? params.indexOf(arg) : params.findIndex((p) => p.startsWith('**'));
  const rest = params.findIndex((p) => p.startsWith('*') && !p.startsWith('**'));
  const index = arg + offset;
  return rest !== -1 && index >= rest ? rest : index;
}
