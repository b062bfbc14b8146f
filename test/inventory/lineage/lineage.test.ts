import { describe, expect, it } from 'vitest';
import { buildLineage, type ModuleLineage } from '../../../src/inventory/lineage/build.js';
import { datasetOf, renderOpenLineage } from '../../../src/inventory/lineage/openlineage.js';
import { renderDot, renderMermaid } from '../../../src/inventory/lineage/render.js';

const dag: ModuleLineage = {
  sources: [],
  sinks: [],
  tasks: [
    { taskId: 'download_export', operator: 'PythonOperator', callable: 'download', line: 20 },
    { taskId: 'clean', operator: 'PythonOperator', callable: 'clean_feedback', line: 25 },
  ],
  taskEdges: [{ from: 'download_export', to: 'clean', line: 30 }],
};
const fetchJob: ModuleLineage = {
  sources: [{ id: 's1', kind: 'api', api: 'requests.get', dataset: 'https://export.vendor.example/feedback', line: 8, function: 'download', validated: false }],
  sinks: [{ id: 'k1', kind: 'bucket', api: 'boto3.client().put_object', dataset: 's3://landing/feedback/raw', line: 12, function: 'download', sources: ['s1'], validated: false }],
  tasks: [],
  taskEdges: [],
};
const cleanJob: ModuleLineage = {
  sources: [{ id: 's1', kind: 'bucket', api: 'pandas.read_csv', dataset: 's3://landing/feedback/raw', line: 5, function: 'clean_feedback', validated: true }],
  sinks: [
    { id: 'k1', kind: 'table', api: 'sqlite3.connect().execute', dataset: 'warehouse.feedback', line: 40, function: 'clean_feedback', sources: ['s1'], validated: true },
    { id: 'k2', kind: 'command', api: 'os.system', line: 44, function: 'clean_feedback', sources: [], validated: false },
  ],
  tasks: [],
  taskEdges: [],
};

const graph = buildLineage(
  new Map([
    ['dags/ingest.py', dag],
    ['jobs/fetch.py', fetchJob],
    ['jobs/clean.py', cleanJob],
  ]),
);

describe('buildLineage', () => {
  it('joins modules through shared dataset URIs', () => {
    const landing = graph.nodes.find((n) => n.uri === 's3://landing/feedback/raw')!;
    expect(graph.edges).toContainEqual({ from: 'job:jobs/fetch.py#download', to: landing.id, type: 'writes', validated: false });
    expect(graph.edges).toContainEqual({ from: landing.id, to: 'job:jobs/clean.py#clean_feedback', type: 'reads', validated: true });
  });

  it('draws a call that reads its file (open() for reading, a pickle load) as an input of its job', () => {
    const loader: ModuleLineage = {
      sources: [],
      sinks: [
        { id: 'k1', kind: 'file', api: 'joblib.load', dataset: 'models/clf.joblib', line: 3, sources: [], validated: false, reads: true },
        { id: 'k2', kind: 'file', api: 'builtins.open', dataset: 'out/scores.csv', line: 9, sources: [], validated: false },
      ],
      tasks: [],
      taskEdges: [],
    };
    const edges = buildLineage(new Map([['jobs/score.py', loader]])).edges;
    expect(edges).toEqual([
      { from: 'dataset:models/clf.joblib', to: 'job:jobs/score.py#<module>', type: 'reads', validated: false },
      { from: 'job:jobs/score.py#<module>', to: 'dataset:out/scores.csv', type: 'writes', validated: false },
    ]);
  });

  it('links Airflow tasks to each other and to the functions they run', () => {
    expect(graph.edges).toContainEqual({ from: 'task:dags/ingest.py#download_export', to: 'task:dags/ingest.py#clean', type: 'precedes' });
    expect(graph.edges).toContainEqual({ from: 'task:dags/ingest.py#clean', to: 'job:jobs/clean.py#clean_feedback', type: 'runs' });
  });

  it('lists only unvalidated routes from ingestion to a sink as exposures', () => {
    expect(graph.exposures).toEqual([
      {
        source: 'dataset:https://export.vendor.example/feedback',
        job: 'job:jobs/fetch.py#download',
        sink: 'dataset:s3://landing/feedback/raw',
        file: 'jobs/fetch.py',
        line: 12,
      },
    ]);
  });
});

describe('lineage renderers', () => {
  it('draws a Mermaid flowchart with exposed edges in red', () => {
    const text = renderMermaid(graph);
    expect(text.startsWith('flowchart LR\n')).toBe(true);
    expect(text).toContain('[("s3://landing/feedback/raw")]');
    expect(text.match(/linkStyle \d+ stroke:#d00/g)).toHaveLength(2);
  });

  it('writes valid-looking DOT', () => {
    const text = renderDot(graph);
    expect(text).toMatch(/^digraph lineage \{/);
    expect(text).toContain('"task:dags/ingest.py#download_export" -> "task:dags/ingest.py#clean" [label="precedes", style=dashed];');
    expect(text.trim().endsWith('}')).toBe(true);
  });

  it('emits one OpenLineage 2-0-2 JobEvent per job with input and output datasets', () => {
    const events = renderOpenLineage(graph, '/srv/feedback-pipeline', '2026-11-25T00:00:00.000Z')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const clean = events.find((e) => e.job.name === 'jobs/clean.py:clean_feedback');
    expect(clean).toMatchObject({
      schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/JobEvent',
      job: { namespace: 'pipewarden://feedback-pipeline' },
      inputs: [{ namespace: 's3://landing', name: 'feedback/raw' }],
    });
    expect(clean.outputs).toContainEqual({ namespace: 'pipewarden:table', name: 'warehouse.feedback' });
  });

  it('names datasets by the OpenLineage conventions and strips credentials', () => {
    expect(datasetOf({ id: 'd', type: 'dataset', label: 'x', uri: 'postgresql://etl:secret@db.internal:5432/warehouse' })).toEqual({
      namespace: 'postgresql://db.internal:5432',
      name: 'warehouse',
    });
  });
});
