import type { Exposure, LineageEdge, LineageGraph, LineageNode } from './graph.js';

/** What the code analysis records per module about data movement (the Python analyzer's lineage facts). */
export interface ModuleLineage {
  sources: Array<{ id: string; kind: string; api: string; dataset?: string; line: number; function?: string; validated: boolean }>;
  sinks: Array<{ id: string; kind: string; api: string; dataset?: string; line: number; function?: string; sources: string[]; validated: boolean; reads?: boolean }>;
  tasks: Array<{ taskId: string; operator: string; callable?: string; line: number }>;
  taskEdges: Array<{ from: string; to: string; line: number }>;
}

const MODULE_LEVEL = '<module>';

/**
 * Joins every module's sources, sinks and Airflow tasks into one graph. Datasets named by a
 * literal URI are shared between modules (one job writes what another reads); datasets without
 * one stay per call site, labelled with the API that touches them.
 */
export function buildLineage(modules: Map<string, ModuleLineage>): LineageGraph {
  const nodes = new Map<string, LineageNode>();
  const edges = new Map<string, LineageEdge>();
  const exposures: Exposure[] = [];
  const addNode = (node: LineageNode) => {
    if (!nodes.has(node.id)) nodes.set(node.id, node);
    return node.id;
  };
  const addEdge = (edge: LineageEdge) => edges.set(`${edge.from}\u0000${edge.to}\u0000${edge.type}`, edge);
  const jobsByFunction = new Map<string, string[]>();

  for (const [file, facts] of [...modules].sort(([a], [b]) => a.localeCompare(b))) {
    const job = (fn: string | undefined) => {
      const name = fn ?? MODULE_LEVEL;
      const id = addNode({ id: `job:${file}#${name}`, type: 'job', label: fn ? `${file}:${fn}` : file, kind: 'python', file });
      jobsByFunction.set(name, [...new Set([...(jobsByFunction.get(name) ?? []), id])]);
      return id;
    };
    const dataset = (kind: string, api: string, uri: string | undefined, line: number) =>
      addNode({
        id: uri ? `dataset:${uri}` : `dataset:${kind}:${file}:${line}`,
        type: 'dataset',
        label: uri ?? `${api} (${file}:${line})`,
        kind,
        ...(uri ? { uri } : {}),
        file,
        line,
      });
    const sourceNodes = new Map<string, { node: string; validated: boolean }>();
    for (const s of facts.sources) {
      const node = dataset(s.kind, s.api, s.dataset, s.line);
      sourceNodes.set(s.id, { node, validated: s.validated });
      addEdge({ from: node, to: job(s.function), type: 'reads', validated: s.validated });
    }
    for (const s of facts.sinks) {
      const node = dataset(s.kind, s.api, s.dataset, s.line);
      // An operator that runs SQL (`PostgresOperator(sql="INSERT INTO …")`) is the task writing the table, not the DAG file.
      const task = facts.tasks.find((t) => t.line === s.line && s.api.endsWith(`.${t.operator}`));
      const jobId = task ? `task:${file}#${task.taskId}` : job(s.function);
      // A dangerous call on a file it only reads (open() for reading, a pickle load) is still an input of its job.
      addEdge(s.reads ? { from: node, to: jobId, type: 'reads', validated: s.validated } : { from: jobId, to: node, type: 'writes', validated: s.validated });
      if (s.validated) continue;
      for (const sourceId of s.sources) {
        const source = sourceNodes.get(sourceId);
        if (source && !source.validated) exposures.push({ source: source.node, job: jobId, sink: node, file, line: s.line });
      }
    }
    for (const t of facts.tasks) addNode({ id: `task:${file}#${t.taskId}`, type: 'task', label: t.taskId, kind: t.operator, file, line: t.line });
    for (const e of facts.taskEdges) addEdge({ from: `task:${file}#${e.from}`, to: `task:${file}#${e.to}`, type: 'precedes' });
  }
  // A task runs the job its python_callable names, wherever that function is defined.
  for (const [file, facts] of modules) {
    for (const t of facts.tasks) {
      if (!t.callable) continue;
      for (const jobId of jobsByFunction.get(t.callable.split('.').pop()!) ?? []) addEdge({ from: `task:${file}#${t.taskId}`, to: jobId, type: 'runs' });
    }
  }
  return {
    nodes: [...nodes.values()],
    edges: [...edges.values()].filter((e) => nodes.has(e.from) && nodes.has(e.to)),
    exposures,
  };
}
