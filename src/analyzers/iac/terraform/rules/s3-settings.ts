import { get, type CloudResource, type Value } from '../../cloud-rules/model.js';
import type { CloudContext } from '../../cloud-rules/rule.js';

/**
 * A bucket setting written inline (AWS provider 3 style: `versioning { … }` inside the bucket)
 * or as its own resource pointing at the bucket (provider 4+: `aws_s3_bucket_versioning`).
 * Returns the bodies that configure it.
 */
export function bucketSetting(ctx: CloudContext, bucket: CloudResource, inline: string, resourceType: string): Value[] {
  const own = get(bucket.body, inline);
  return [...(own ? [own] : []), ...ctx.attachedTo(bucket, resourceType, 'bucket').map((r) => r.body)];
}

export const buckets = (ctx: CloudContext): CloudResource[] => ctx.ofType('aws_s3_bucket');

/** Reports each bucket none of whose `inline`/`resourceType` settings passes `isOn` (unknown ones pass). */
export function reportBucketsWithout(ctx: CloudContext, inline: string, resourceType: string, isOn: (setting: Value) => boolean, message: string, skip?: (bucket: CloudResource) => boolean): void {
  for (const bucket of buckets(ctx)) {
    if (skip?.(bucket)) continue;
    if (!bucketSetting(ctx, bucket, inline, resourceType).some(isOn)) ctx.report(bucket, bucket.range, { message });
  }
}
