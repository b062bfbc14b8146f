/**
 * The pipeline's data lineage: where data enters (ingestion points), the jobs and tasks that
 * move it, and where it lands (sinks) — plus the paths from an untrusted ingestion point to a
 * sink with no validation step on them, which is the pipeline's exposed attack surface.
 */
export type LineageNodeType = 'dataset' | 'job' | 'task';

export interface LineageNode {
  id: string;
  type: LineageNodeType;
  label: string;
  /** Dataset kind (file, table, bucket, api, queue, …), job module, or task operator. */
  kind?: string;
  /** Dataset URI when the code names it literally: s3://bucket/prefix, a path, a table, a URL. */
  uri?: string;
  file?: string;
  line?: number;
}

export type LineageEdgeType = 'reads' | 'writes' | 'runs' | 'precedes';

export interface LineageEdge {
  from: string;
  to: string;
  type: LineageEdgeType;
  /** For reads/writes: a validation step sits between the data and its use. */
  validated?: boolean;
}

/** One unvalidated route from an ingestion point to a sink. */
export interface Exposure {
  source: string;
  job: string;
  sink: string;
  file: string;
  line: number;
}

export interface LineageGraph {
  nodes: LineageNode[];
  edges: LineageEdge[];
  exposures: Exposure[];
}
