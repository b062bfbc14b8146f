import type { LineageGraph } from '../../inventory/lineage/graph.js';

/** What the pipeline's code reads and writes in one bucket: key prefixes, `''` for the whole bucket. */
export interface BucketNeeds {
  read: Set<string>;
  write: Set<string>;
}

export type S3Needs = Map<string, BucketNeeds>;

/**
 * The S3 locations the lineage shows the code touching, by bucket, from datasets whose URI is
 * written literally or as a template; a bucket the run fills in is keyed by its template (`{bucket}`).
 */
export function s3NeedsOf(lineage: LineageGraph): S3Needs {
  const uris = new Map(lineage.nodes.filter((n) => n.uri?.startsWith('s3://')).map((n) => [n.id, n.uri!]));
  const needs: S3Needs = new Map();
  for (const edge of lineage.edges) {
    const access = edge.type === 'reads' ? 'read' : edge.type === 'writes' ? 'write' : undefined;
    const uri = access === 'read' ? uris.get(edge.from) : access === 'write' ? uris.get(edge.to) : undefined;
    if (!access || !uri) continue;
    const [bucket, ...key] = uri.slice('s3://'.length).split('/');
    if (!bucket) continue;
    const entry = needs.get(bucket) ?? { read: new Set<string>(), write: new Set<string>() };
    entry[access].add(prefixOf(key.join('/')));
    needs.set(bucket, entry);
  }
  return needs;
}

/** A bucket the code names only at run time (`s3://{bucket}/…`): it may be any bucket. */
export function chosenAtRunTime(bucket: string): boolean {
  return bucket.includes('{');
}

/** The folder of a key (`raw/2024/x.csv` → `raw/2024/`); a key with a date or glob in it stops before that part. */
function prefixOf(key: string): string {
  const folder = key.includes('/') ? key.slice(0, key.lastIndexOf('/') + 1) : '';
  const variable = folder.search(/[*{]|\d{4}-\d{2}/);
  return variable === -1 ? folder : folder.slice(0, folder.lastIndexOf('/', variable) + 1);
}

const READ_ACTIONS = ['s3:GetObject'];
const WRITE_ACTIONS = ['s3:PutObject'];

/** A minimal identity policy granting exactly what the needs say, with ListBucket confined to the prefixes read. */
export function suggestPolicy(needs: S3Needs): object {
  const statements: object[] = [];
  for (const [bucket, { read, write }] of [...needs].sort(([a], [b]) => a.localeCompare(b))) {
    if (chosenAtRunTime(bucket)) continue;
    const id = bucket.replace(/[^A-Za-z0-9]/g, '');
    if (read.size > 0) {
      statements.push({ Sid: `Read${id}`, Effect: 'Allow', Action: READ_ACTIONS, Resource: objectArns(bucket, read) });
      const listed = [...read].sort().map((p) => `${p}*`);
      statements.push({
        Sid: `List${id}`,
        Effect: 'Allow',
        Action: ['s3:ListBucket'],
        Resource: `arn:aws:s3:::${bucket}`,
        ...(read.has('') ? {} : { Condition: { StringLike: { 's3:prefix': listed } } }),
      });
    }
    if (write.size > 0) statements.push({ Sid: `Write${id}`, Effect: 'Allow', Action: WRITE_ACTIONS, Resource: objectArns(bucket, write) });
  }
  return { Version: '2012-10-17', Statement: statements };
}

function objectArns(bucket: string, prefixes: Set<string>): string[] {
  return [...prefixes].sort().map((p) => `arn:aws:s3:::${bucket}/${p}*`);
}
