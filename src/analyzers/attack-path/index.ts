import type { ProjectAnalyzer, ProjectContext, ProjectOutput } from '../../core/analyzer.js';
import type { Finding, TraceStep } from '../../core/finding.js';
import { LineReader } from '../../core/line-reader.js';
import { projectFinding } from '../../core/project-finding.js';
import { CLOUD_FACTS, cloudResources } from '../iam/cloud/resources.js';
import { IAM_ANALYZER } from '../iam/facts.js';
import { statementName } from '../iam/iam-rule.js';
import { identityPolicies } from '../iam/least-privilege.js';
import { NOTEBOOK_ANALYZER } from '../notebook/facts.js';
import { PYTHON_ANALYZER } from '../python/facts.js';
import { broadestS3Write } from './broad-grants.js';
import { dangerousIngests, type DangerousIngest } from './ingests.js';
import { publicWrites, type PublicWrite } from './public-buckets.js';
import { publicIngestCodeExecution as rule } from './rule.js';

/**
 * One finding where code, infrastructure and permissions line up: a job runs what it reads from a
 * bucket anyone can write to, under a role that can write all of S3. It reads the facts the
 * Python, notebook, Terraform, CloudFormation and policy-file analyzers record — not their
 * findings — and sits at the sink, critical, so it sorts above every part of the path.
 */
export const attackPaths: ProjectAnalyzer = {
  name: 'attack-paths',
  category: 'iam',
  rules: [rule],
  usesFactsFrom: [PYTHON_ANALYZER, NOTEBOOK_ANALYZER, IAM_ANALYZER, ...CLOUD_FACTS],
  analyze: async (ctx: ProjectContext): Promise<ProjectOutput> => ({ findings: attackPathFindings(ctx), errors: [], notices: [] }),
};

function attackPathFindings(ctx: ProjectContext): Finding[] {
  const ingests = dangerousIngests(ctx);
  if (ingests.length === 0) return [];
  const open = publicWrites(cloudResources(ctx).sets);
  if (open.length === 0) return [];
  const policies = identityPolicies(ctx);
  const reported = new Set<string>();
  const findings: Finding[] = [];
  const lines = new LineReader(ctx.root);
  for (const ingest of ingests) {
    const opening = open.find((o) => o.bucket === ingest.bucket);
    const at = `${ingest.file}:${ingest.sink.id}`;
    if (!opening || reported.has(at)) continue;
    reported.add(at);
    findings.push(pathFinding(lines, ingest, opening, broadestS3Write(policies, ingest.bucket, keyOf(ingest.uri))));
  }
  return findings;
}

const keyOf = (uri: string) => uri.slice('s3://'.length).split('/').slice(1).join('/');
const where = (file: string, line: number) => `${file}:${line}`;

function pathFinding(lines: LineReader, ingest: DangerousIngest, opening: PublicWrite, grant: ReturnType<typeof broadestS3Write>): Finding {
  const { source, sink } = ingest;
  const bucketAt = where(opening.resource.file, opening.range.startLine);
  const run = `${ingest.sink.api}() ${ingest.does}`;
  const trace: TraceStep[] = [
    { file: opening.resource.file, line: opening.range.startLine, label: `anyone can write to bucket ${ingest.bucket}: ${opening.how}` },
    { file: ingest.sourceFile, line: source.line, label: `${source.api}() reads ${ingest.uri}` },
    { file: ingest.file, line: sink.line, label: run },
  ];
  let message = `Anyone can write to bucket ${ingest.bucket} (${bucketAt}: ${opening.how}); ${where(ingest.sourceFile, source.line)} reads ${ingest.uri} and ${run} (${where(ingest.file, sink.line)})`;
  if (grant) {
    const s = grant.statement;
    const rights = `${statementName(s)} allows ${s.actions.join(', ')} on ${s.resources.join(', ')}`;
    trace.push({ file: grant.file, line: s.range.startLine, label: `the planted code runs with a role whose ${rights}` });
    message += `, under a role whose ${rights} (${where(grant.file, s.range.startLine)}): an uploaded file runs with write access to S3 beyond this job`;
  } else {
    message += ': an uploaded file runs as the job (no policy in the repository grants S3 writes on every resource or on this bucket, which bounds what it reaches)';
  }
  return projectFinding(rule, lines, { file: ingest.file, line: sink.line, column: ingest.sinkColumn }, `${ingest.bucket}\u0000${sink.api}`, {
    message,
    trace,
    severity: grant ? 'critical' : 'high',
  });
}
