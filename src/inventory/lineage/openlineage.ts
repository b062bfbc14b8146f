import path from 'node:path';
import type { LineageGraph, LineageNode } from './graph.js';

const SCHEMA_URL = 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/JobEvent';
const PRODUCER = 'https://www.npmjs.com/package/pipewarden';

interface OpenLineageDataset {
  namespace: string;
  name: string;
}

/**
 * One OpenLineage JobEvent (spec 2-0-2) per job, with the datasets it reads as inputs and writes
 * as outputs, named after the OpenLineage naming conventions (s3://bucket + key, file + path,
 * scheme://host for databases and APIs).
 */
export function renderOpenLineage(graph: LineageGraph, root: string, eventTime: string): string {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const namespace = `pipewarden://${path.basename(root)}`;
  const movesData = (n: LineageNode) => graph.edges.some((e) => (e.type === 'reads' && e.to === n.id) || (e.type === 'writes' && e.from === n.id));
  // An Airflow task that runs SQL itself (a SQL operator) is a job of its own.
  const events = graph.nodes
    .filter((n) => n.type === 'job' || (n.type === 'task' && movesData(n)))
    .map((job) => ({
      eventTime,
      producer: PRODUCER,
      schemaURL: SCHEMA_URL,
      job: { namespace, name: job.type === 'task' ? `${job.file}:${job.label}` : job.label },
      inputs: graph.edges.filter((e) => e.type === 'reads' && e.to === job.id).map((e) => datasetOf(byId.get(e.from)!)),
      outputs: graph.edges.filter((e) => e.type === 'writes' && e.from === job.id).map((e) => datasetOf(byId.get(e.to)!)),
    }));
  return `${events.map((e) => JSON.stringify(e)).join('\n')}\n`;
}

export function datasetOf(node: LineageNode): OpenLineageDataset {
  const uri = node.uri;
  if (!uri) return { namespace: `pipewarden:${node.kind ?? 'dataset'}`, name: node.label };
  const scheme = /^([a-z][a-z0-9+.-]*):\/\/([^/]*)(\/.*)?$/i.exec(uri);
  if (scheme) {
    const [, proto, authority, rest = ''] = scheme;
    const host = authority!.replace(/^[^@]*@/, '');
    return { namespace: `${proto!.toLowerCase()}://${host}`, name: rest.replace(/^\//, '') || '/' };
  }
  // A bare name is a path for files; for tables and the rest the data source is not known.
  return { namespace: node.kind === 'file' ? 'file' : `pipewarden:${node.kind ?? 'dataset'}`, name: uri };
}
