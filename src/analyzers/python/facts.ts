/**
 * What the Python analyzer records about a module for project analyzers: which modules it
 * imports and which (resolved) names it uses — callees, and callables or classes passed as
 * arguments — with the first line of each use; its lineage (ingestion points, sinks and
 * writes, functions, Airflow tasks); and taint summaries of its functions for flows across
 * modules.
 * Dependency reachability reads imports/uses to tell a called vulnerable API from a merely installed one.
 */
import type { ProjectContext } from '../../core/analyzer.js';
import { NOTEBOOK_ANALYZER } from '../notebook/facts.js';
export interface PythonFacts {
  /** Dotted names bound by imports: `yaml`, `yaml.load`, `PIL.ImageMath`. */
  imports: string[];
  uses: Array<{ name: string; line: number }>;
  /** Absent when facts come from elsewhere than this analyzer's own run (a notebook's placed facts). */
  lineage?: PythonLineage;
  taint?: TaintSummary;
}

/** Lineage nodes of one module; the lead's lineage graph joins them across modules. */
export interface PythonLineage {
  sources: LineageSource[];
  sinks: LineageSink[];
  functions: Array<{ name: string; line: number; calls: string[] }>;
  /** `image` is the container image a task runs in (KubernetesPodOperator, DockerOperator, `@task.docker`…), where a literal names it. */
  tasks: Array<{ taskId: string; operator: string; callable?: string; line: number; image?: { reference: string; line: number } }>;
  taskEdges: Array<{ from: string; to: string; line: number }>;
  /** Containers the code starts (docker-py, `docker run` in commands) whose image it names, and the call that starts each. */
  containers?: ContainerStart[];
}

/** A container the code starts, named by the image it runs, on the line that starts it, and how (`subprocess.run docker run`). */
export interface ContainerStart {
  image: string;
  line: number;
  api: string;
}

export interface LineageSource {
  /** `path#Lline:col`, unique across the project. */
  id: string;
  kind: string;
  api: string;
  /** The dataset read, where a literal or constant names it: `s3://bucket/key`, a path, table or URL. */
  dataset?: string;
  line: number;
  function?: string;
  validated: boolean;
  /** Its data reaches a schema validation (pydantic, pandera, jsonschema, Great Expectations, the team's validate_*()). */
  schemaValidated: boolean;
  /** A query that returns only figures over its rows (`SELECT COUNT(*) FROM t`), not the rows. */
  aggregates?: true;
}

export interface LineageSink {
  id: string;
  kind: string;
  api: string;
  dataset?: string;
  line: number;
  function?: string;
  /** Ids of the sources whose data reaches the sink. */
  sources: string[];
  /** Every flow into it passes a sanitizer or validator. */
  validated: boolean;
  /** The call reads its dataset (open() for reading, a pickle or joblib load, a SELECT) rather than writing it. */
  reads?: boolean;
}

export interface TraceStepFact {
  file: string;
  line: number;
  label: string;
}

/** Per-module summaries the cross-module taint step joins. */
export interface TaintSummary {
  /** Module-level functions whose parameters reach a sink inside the module; `via` as in TaintFlowFact. */
  functions: Array<{
    name: string;
    params: string[];
    sinks: Array<SinkFact & { param: number; steps: TraceStepFact[]; via?: ViaFact[] }>;
  }>;
  /**
   * Calls to imported names carrying untrusted data in an argument; in `returned`, arguments
   * whose data depends on what imported functions return (passed through or produced by them).
   */
  calls: Array<{
    callee: string;
    line: number;
    args: Array<{ index: number; keyword?: string; steps: TraceStepFact[]; source: string }>;
    returned?: Array<{ index: number; keyword?: string; flow: TaintFlowFact }>;
  }>;
  /** Calls of functions imported from what may be other modules of the repository, which the flows below refer to by index. */
  importedCalls?: Array<{ callee: string; line: number }>;
  /**
   * What module-level functions and methods of module-level classes (`Loader.fetch`) return. A
   * parameter's way to the return keeps only its last step, the return; an ingestion point's
   * keeps them all.
   */
  returns?: Array<{ name: string; params: string[]; flows: TaintFlowFact[] }>;
  /** The other functions and methods: what they return carries nothing from their arguments or an ingestion point. */
  untainted?: string[];
  /** Sinks reached by flows whose fate depends on what imported functions return. */
  deferred?: Array<SinkFact & { flow: TaintFlowFact }>;
  /** The flows this module reported itself, by sink line and source: reached again through another module, they are the same finding. */
  reported?: ReportedFlow[];
}

export interface ReportedFlow {
  family: string;
  line: number;
  source: string;
}

/** A sink call, where a finding on it is placed. */
export interface SinkFact {
  family: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  snippet: string;
  does: string;
  api: string;
}

/** An ingestion point as the project step reports it. */
export interface SourceFact {
  id: string;
  kind: string;
  api: string;
  line: number;
  dataset?: string;
  credential: boolean;
}

/**
 * A flow of one module: from an ingestion point, from parameter `param` of the function it is in,
 * or from what imported call number `call` returns; through sanitizers (`validated`, or safe only
 * for the families in `stoppedFor`) and imported calls (`via`).
 */
export interface TaintFlowFact {
  source?: SourceFact;
  param?: number;
  call?: number;
  steps: TraceStepFact[];
  validated: boolean;
  stoppedFor?: string[];
  via?: ViaFact[];
}

/** The flow went into argument `arg` (index, keyword, or -1 for the receiver) of imported call `call` when it had `at` steps. */
export interface ViaFact {
  call: number;
  arg: number | string;
  at: number;
}

export const PYTHON_ANALYZER = 'python';

/** Facts of every Python module and notebook, which record the same shape. */
export function codeModuleFacts(ctx: Pick<ProjectContext, 'facts'>): Array<[string, PythonFacts]> {
  return [...(ctx.facts(PYTHON_ANALYZER) as Map<string, PythonFacts>), ...(ctx.facts(NOTEBOOK_ANALYZER) as Map<string, PythonFacts>)];
}
