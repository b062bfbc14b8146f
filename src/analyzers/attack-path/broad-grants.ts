import { actionMatches, allows, coversEverything } from '../iam/actions.js';
import type { IamFacts } from '../iam/facts.js';
import type { Statement } from '../iam/policy.js';

export interface BroadGrant {
  file: string;
  statement: Statement;
}

/**
 * The widest identity-policy statement that lets code running under the role write to S3 — on every
 * resource, or on the object the job reads: `s3:*` on `*` before `s3:PutObject` on the bucket.
 * Statements with a condition are left out, as their reach cannot be told from the policy alone.
 */
export function broadestS3Write(policies: ReadonlyMap<string, IamFacts>, bucket: string, key: string): BroadGrant | undefined {
  const object = `arn:aws:s3:::${bucket}/${key}`;
  let best: { grant: BroadGrant; score: number } | undefined;
  for (const [file, facts] of policies) {
    for (const statement of facts.policies.flatMap((p) => p.statements)) {
      if (statement.hasCondition || !allows(statement, 's3:PutObject')) continue;
      const everywhere = statement.resources.some(coversEverything);
      if (!everywhere && !statement.resources.some((r) => actionMatches(r, object))) continue;
      const score = (everywhere ? 2 : 0) + (allows(statement, 's3:DeleteBucket') ? 1 : 0);
      if (!best || score > best.score) best = { grant: { file, statement }, score };
    }
  }
  return best?.grant;
}
