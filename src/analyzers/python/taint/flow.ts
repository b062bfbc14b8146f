import type { TraceStep } from '../../../core/finding.js';
import type { SyntaxNode } from '../parser.js';
import type { SinkFamily } from './sinks.js';
import type { SourceKind } from './sources.js';

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
}

/** Where a flow starts: an ingestion point, or (inside a function) one of its parameters. */
export type Origin = { source: SourceHit } | { param: { fn: SyntaxNode; index: number; name: string } };

/** A path by which data from an origin reaches an expression. */
export interface Flow {
  origin: Origin;
  /** The source (or parameter) and every step since, in order. */
  steps: TraceStep[];
  /** A sanitizer or validator sits on the path. */
  validated: boolean;
  /** Sink families a sanitizer on the path made the data safe for (`shlex.quote`: commands). */
  stoppedFor?: SinkFamily[];
}

/** Flows kept per expression: enough to report one trace per origin without blowing up. */
const MAX_FLOWS = 4;

export function originKey(origin: Origin): string {
  return 'source' in origin ? origin.source.id : `param:${origin.param.fn.id}:${origin.param.index}`;
}

/** Union of flow lists, one flow per origin (the unvalidated one preferred), capped. */
export function mergeFlows(lists: Flow[][]): Flow[] {
  const byOrigin = new Map<string, Flow>();
  for (const list of lists) {
    for (const flow of list) {
      const key = originKey(flow.origin);
      const seen = byOrigin.get(key);
      if (!seen) {
        if (byOrigin.size < MAX_FLOWS) byOrigin.set(key, flow);
      } else if (seen.validated && !flow.validated) {
        byOrigin.set(key, flow);
      }
    }
  }
  return [...byOrigin.values()];
}

export function withStep(flows: Flow[], step: TraceStep): Flow[] {
  return flows.map((f) => ({ ...f, steps: [...f.steps, step] }));
}

export function markValidated(flows: Flow[]): Flow[] {
  return flows.map((f) => (f.validated ? f : { ...f, validated: true }));
}

export const lineOf = (node: SyntaxNode) => node.startPosition.row + 1;
