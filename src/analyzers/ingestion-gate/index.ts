import type { ProjectAnalyzer, ProjectContext, ProjectOutput } from '../../core/analyzer.js';
import type { Finding } from '../../core/finding.js';
import { LineReader } from '../../core/line-reader.js';
import { columnOfNodeId, projectFinding } from '../../core/project-finding.js';
import { NOTEBOOK_ANALYZER } from '../notebook/facts.js';
import { codeModuleFacts, PYTHON_ANALYZER, type LineageSource } from '../python/facts.js';
import { unvalidatedIngestionRule as rule } from './rule.js';

/** Source kinds that bring in data from outside the job; argv, env and Airflow conf are operator input. */
const EXTERNAL_KINDS = new Set(['file', 'table', 'api', 'download', 'bucket', 'queue', 'request']);
/** File reads that are as often configuration as data; they count only when the path names a data file. */
const GENERIC_READS = /^(json\.loads?|builtins\.open\(\)\.read\w*|pathlib\..*read_(text|bytes)|io\.open\(\)\.read\w*)$/;
const DATA_FILE = /\.(csv|tsv|jsonl|ndjson|parquet|xml|xlsx?|avro|orc)(\.gz)?$/i;

/**
 * The static side of data at the gate: ingestion points whose data reaches no schema validation in
 * its module. Reads the lineage the Python and notebook analyzers record; runs no code.
 */
export const ingestionGate: ProjectAnalyzer = {
  name: 'ingestion-gate',
  category: 'data',
  rules: [rule],
  usesFactsFrom: [PYTHON_ANALYZER, NOTEBOOK_ANALYZER],
  analyze: async (ctx: ProjectContext): Promise<ProjectOutput> => ({ findings: unvalidatedIngestion(ctx), errors: [], notices: [] }),
};

function unvalidatedIngestion(ctx: ProjectContext): Finding[] {
  const findings: Finding[] = [];
  const lines = new LineReader(ctx.root);
  for (const [file, facts] of codeModuleFacts(ctx)) {
    const seen = new Set<string>();
    const sources = [...(facts.lineage?.sources ?? [])].sort((a, b) => a.line - b.line);
    for (const source of sources) {
      // A count or a high-water mark read to decide what to do is a check on data already in, not data coming in.
      if (!isExternalData(source) || source.schemaValidated || source.aggregates) continue;
      const key = ingestionKey(source);
      if (seen.has(key)) continue;
      seen.add(key);
      findings.push(finding(lines, file, source));
    }
  }
  return findings;
}

/**
 * What one finding stands for. A call reads anew each time, but every read of the web framework's
 * request object (`request.args`, `request.headers`) in one function is the one request the
 * handler serves: reported once, at the first read.
 */
function ingestionKey(source: LineageSource): string {
  return source.kind === 'request' ? `${source.api}|${source.function ?? ''}` : `${source.api}|${source.line}`;
}

function isExternalData(source: LineageSource): boolean {
  if (!EXTERNAL_KINDS.has(source.kind)) return false;
  return !GENERIC_READS.test(source.api) || (source.dataset !== undefined && DATA_FILE.test(source.dataset));
}

function finding(lines: LineReader, file: string, source: LineageSource): Finding {
  // Sources that are no call (`iteration over a file`, the `flask.request` object) are named as they are.
  const api = /\s/.test(source.api) || source.kind === 'request' ? source.api : `${source.api}()`;
  const what = source.dataset ? `${api} reads ${source.dataset}` : `${api} reads ${source.kind} data`;
  return projectFinding(rule, lines, { file, line: source.line, column: columnOfNodeId(source.id) }, source.api, {
    message: `${what}, and nothing in this module checks it against a schema before it is used`,
  });
}
