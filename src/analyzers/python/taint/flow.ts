import type { TraceStep } from '../../../core/finding.js';
import type { ItemPosition } from '../bindings.js';
import type { SyntaxNode } from '../parser.js';
import type { SinkFamily } from './sinks.js';
import { OPERATOR_SOURCES, type SourceKind } from './sources.js';

/** One ingestion point met in the file. */
export interface SourceHit {
  /** `path#Lline:col`, unique across the project; lineage sinks refer to sources by it. */
  id: string;
  kind: SourceKind;
  api: string;
  line: number;
  dataset?: string;
  function?: string;
  /** It reads a key named like a credential (`os.environ["DB_PASSWORD"]`). */
  credential: boolean;
  /** A query that returns only figures over its rows (`SELECT COUNT(*) FROM t`), not the rows. */
  aggregates?: true;
  /** A call whose result the code throws away (`requests.post(hook, json=…)` as a statement): it brings nothing in. */
  discarded?: true;
}

/** A call of a function the file imports from what may be another module of the repository. */
export interface ImportedCall {
  node: SyntaxNode;
  /** Its resolved dotted name: `loaders.fetch`, `.loaders.fetch`, `loaders.Loader().fetch`. */
  callee: string;
}

/**
 * Where a flow starts: an ingestion point, (inside a function) one of its parameters, or what an
 * imported call returns — known only once the project step reads the callee module's summary.
 */
export type Origin = { source: SourceHit } | { param: { fn: SyntaxNode; index: number; name: string; item?: ItemPosition } } | { call: ImportedCall };

/**
 * The flow went into argument `arg` (position, keyword, or -1 for the receiver) of an imported
 * call, and on with the call's result; `at` is how many steps it had then, where the callee's
 * own steps belong. Whether the callee returns that argument, and sanitised or not, the project
 * step decides from the callee's summary.
 */
export interface Via {
  call: ImportedCall;
  arg: number | string;
  at: number;
}

/** A path by which data from an origin reaches an expression. */
export interface Flow {
  origin: Origin;
  /** The source (or parameter) and every step since, in order. */
  steps: TraceStep[];
  /** A sanitizer or validator sits on the path. */
  validated: boolean;
  /** Sink families a sanitizer on the path made the data safe for (`shlex.quote`: commands). */
  stoppedFor?: SinkFamily[];
  /** Imported calls the flow passed through, in order. */
  via?: Via[];
}

/** A data source or a parameter, rather than an imported call's guessed result or the operator's argv or environment. */
function weighty(origin: Origin): boolean {
  return 'param' in origin || ('source' in origin && !OPERATOR_SOURCES.has(origin.source.kind));
}

/** Flows kept per expression: enough to report one trace per origin without blowing up. */
const MAX_FLOWS = 4;

export function originKey(origin: Origin): string {
  if ('source' in origin) return origin.source.id;
  if ('call' in origin) return `call:${origin.call.node.id}`;
  const { fn, index, item } = origin.param;
  return `param:${fn.id}:${index}${item ? `[${item.index}/${item.of}]` : ''}`;
}

/** Flows through different imported calls are kept apart: the project step may drop one and not the other. */
export function flowKey(flow: Flow): string {
  const key = originKey(flow.origin);
  return flow.via ? `${key}>${flow.via.map((v) => `${v.call.node.id}.${v.arg}`).join('>')}` : key;
}

/**
 * Union of flow lists, one flow per origin and path through imported calls (the unvalidated one
 * preferred), capped. Imported calls' results are guesses until the project step, and the
 * operator's own command line and environment are reported low: they take only room that data
 * sources and parameters leave.
 */
export function mergeFlows(lists: Flow[][]): Flow[] {
  const byKey = new Map<string, Flow>();
  for (const list of lists) {
    for (const flow of list) {
      const key = flowKey(flow);
      const seen = byKey.get(key);
      if (seen) {
        if (seen.validated && !flow.validated) byKey.set(key, flow);
      } else if (byKey.size < MAX_FLOWS) {
        byKey.set(key, flow);
      } else if (weighty(flow.origin)) {
        const light = [...byKey].find(([, f]) => !weighty(f.origin));
        if (light) {
          byKey.delete(light[0]);
          byKey.set(key, flow);
        }
      }
    }
  }
  return [...byKey.values()];
}

/**
 * `head` handed on to code whose own flow is `tail` (which starts at the parameter or return
 * that `head` fills): head's steps, the `bridge` steps, then tail's after its first. Sanitizers
 * and imported calls on either part stay on the whole.
 */
export function joinFlows(head: Flow, bridge: TraceStep[], tail: Flow): Flow {
  const shift = head.steps.length + bridge.length - 1;
  const via = [...(head.via ?? []), ...(tail.via ?? []).map((v) => ({ ...v, at: v.at + shift }))];
  const stoppedFor = [...(head.stoppedFor ?? []), ...(tail.stoppedFor ?? [])];
  return {
    origin: head.origin,
    steps: [...head.steps, ...bridge, ...tail.steps.slice(1)],
    validated: head.validated || tail.validated,
    ...(stoppedFor.length > 0 ? { stoppedFor } : {}),
    ...(via.length > 0 ? { via } : {}),
  };
}

/** Whether the flow's fate depends on another module's summary: it passed an imported call, or is one's result. */
export function dependsOnImports(flow: Flow): boolean {
  return 'call' in flow.origin || (flow.via?.length ?? 0) > 0;
}

export function withStep(flows: Flow[], step: TraceStep): Flow[] {
  return flows.map((f) => ({ ...f, steps: [...f.steps, step] }));
}

export function markValidated(flows: Flow[]): Flow[] {
  return flows.map((f) => (f.validated ? f : { ...f, validated: true }));
}

export const lineOf = (node: SyntaxNode) => node.startPosition.row + 1;
