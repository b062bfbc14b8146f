import type { ProjectContext } from '../../core/analyzer.js';
import { columnOfNodeId } from '../../core/project-finding.js';
import { codeModuleFacts, type LineageSink, type LineageSource } from '../python/facts.js';
import { SINKS } from '../python/taint/sinks.js';

/** A job that reads an S3 object and hands what it read to something that runs it. */
export interface DangerousIngest {
  bucket: string;
  /** The `s3://` URI the job reads, as written. */
  uri: string;
  /** The module of the sink; the source's module is in its id (`path#Lline:col`). */
  file: string;
  sourceFile: string;
  source: LineageSource;
  sink: LineageSink;
  sinkColumn: number;
  /** What the sink does with the data, for messages: "deserialises it, which can run code". */
  does: string;
}

const DESERIALISERS = new Set(SINKS.filter((s) => s.family === 'deserialization').flatMap((s) => s.names ?? []));

/** What a sink does with data, when that is running it; undefined for every other sink. */
function execution(sink: LineageSink): string | undefined {
  if (DESERIALISERS.has(sink.api)) return 'deserialises it, which can run code';
  if (sink.kind === 'eval') return 'evaluates it as code';
  if (sink.kind === 'command') return 'runs it as a shell command';
  return undefined;
}

/**
 * From the lineage the Python and notebook analyzers record: each sink that runs data as code and
 * that data read from a literal `s3://` location reaches, unvalidated.
 */
export function dangerousIngests(ctx: Pick<ProjectContext, 'facts'>): DangerousIngest[] {
  const modules = codeModuleFacts(ctx).flatMap(([file, f]) => (f.lineage ? [{ file, lineage: f.lineage }] : []));
  const sources = new Map(modules.flatMap((m) => m.lineage.sources.map((s): [string, LineageSource] => [s.id, s])));
  const out: DangerousIngest[] = [];
  for (const { file, lineage } of modules) {
    for (const sink of lineage.sinks) {
      const does = execution(sink);
      if (!does || sink.validated) continue;
      for (const id of sink.sources) {
        const source = sources.get(id);
        const bucket = source?.dataset?.startsWith('s3://') ? source.dataset.slice('s3://'.length).split('/')[0] : undefined;
        if (source && bucket) out.push({ bucket, uri: source.dataset!, file, sourceFile: id.slice(0, id.lastIndexOf('#')), source, sink, sinkColumn: columnOfNodeId(sink.id), does });
      }
    }
  }
  return out;
}
