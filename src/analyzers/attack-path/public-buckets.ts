import { actionMatches } from '../iam/actions.js';
import type { ResourceSet } from '../iam/cloud/resources.js';
import { PUBLIC_ACCESS_BLOCK_SETTINGS } from '../iac/cloud-rules/checks/s3.js';
import { bool, type CloudResource, get, isUnset, str, type Value } from '../iac/cloud-rules/model.js';
import { isPublicGrant, policyStatements } from '../iac/cloud-rules/policy.js';
import { attachedTo } from '../iac/cloud-rules/rule.js';
import type { Range } from '../../core/make-finding.js';

/** Where the configuration lets anyone write into a bucket. */
export interface PublicWrite {
  bucket: string;
  /** The resource that opens it (an ACL, a bucket policy, the bucket itself). */
  resource: CloudResource;
  range: Range;
  how: string;
}

/**
 * Buckets anyone may write to, by name: a public-read-write ACL, or a bucket policy statement that
 * allows s3:PutObject to Principal "*" with no condition — unless a public access block (the
 * bucket's or the account's) turns that off. Public reads are left out: they leak data but let
 * no one plant any. A bucket whose name, ACL or block setting is unknown is not judged.
 */
export function publicWrites(sets: readonly ResourceSet[]): PublicWrite[] {
  return sets.flatMap((set) => set.resources.filter((r) => r.type === 'aws_s3_bucket' || r.type === 'AWS::S3::Bucket').flatMap((b) => openings(b, set)));
}

function openings(bucket: CloudResource, set: ResourceSet): PublicWrite[] {
  const name = str(get(bucket.body, bucket.dialect === 'terraform' ? 'bucket' : 'BucketName'));
  if (!name) return [];
  const block = publicAccessBlock(bucket, set);
  const out: PublicWrite[] = [];
  if (!block.ignoresAcls) {
    for (const { resource, acl } of acls(bucket, set)) {
      if (normalised(str(acl)) === 'publicreadwrite') out.push({ bucket: name, resource, range: acl.range, how: `${resource.address} sets the ACL ${str(acl)}` });
    }
  }
  if (!block.ignoresPolicies) {
    for (const { resource, policy } of policies(bucket, set)) {
      for (const s of policyStatements(policy, set.resources)) {
        if (isPublicGrant(s) && s.actions.some((a) => actionMatches(a, 's3:PutObject'))) {
          out.push({ bucket: name, resource, range: s.range, how: `${resource.address} allows ${s.actions.join(', ')} to Principal "*"` });
        }
      }
    }
  }
  return out;
}

const normalised = (acl: string | undefined) => acl?.toLowerCase().replace(/[-_]/g, '');

function acls(bucket: CloudResource, set: ResourceSet): Array<{ resource: CloudResource; acl: Value }> {
  const own = get(bucket.body, bucket.dialect === 'terraform' ? 'acl' : 'AccessControl');
  const attached = bucket.dialect === 'terraform' ? attachedTo(set.resources, bucket, 'aws_s3_bucket_acl', 'bucket') : [];
  return [...(own ? [{ resource: bucket, acl: own }] : []), ...attached.flatMap((r) => (get(r.body, 'acl') ? [{ resource: r, acl: get(r.body, 'acl')! }] : []))];
}

function policies(bucket: CloudResource, set: ResourceSet): Array<{ resource: CloudResource; policy: Value | undefined }> {
  if (bucket.dialect === 'cloudformation') return attachedTo(set.resources, bucket, 'AWS::S3::BucketPolicy', 'Bucket').map((r) => ({ resource: r, policy: get(r.body, 'PolicyDocument') }));
  const own = get(bucket.body, 'policy');
  return [...(own ? [{ resource: bucket, policy: own }] : []), ...attachedTo(set.resources, bucket, 'aws_s3_bucket_policy', 'bucket').map((r) => ({ resource: r, policy: get(r.body, 'policy') }))];
}

/**
 * What the bucket's (or the account's) public access block turns off. A setting counts unless it
 * is known to be false: an unknown one may well be on, and a critical path is never guessed.
 */
function publicAccessBlock(bucket: CloudResource, set: ResourceSet): { ignoresAcls: boolean; ignoresPolicies: boolean } {
  const blocks: Value[] =
    bucket.dialect === 'terraform'
      ? [...attachedTo(set.resources, bucket, 'aws_s3_bucket_public_access_block', 'bucket'), ...set.configuration.filter((r) => r.type === 'aws_s3_account_public_access_block')].map((r) => r.body)
      : [get(bucket.body, 'PublicAccessBlockConfiguration')].filter((b) => b !== undefined);
  const [blockAcls, blockPolicy, ignoreAcls, restrictBuckets] = PUBLIC_ACCESS_BLOCK_SETTINGS[bucket.dialect];
  const on = (setting: string) => blocks.some((body) => !isUnset(get(body, setting)) && bool(get(body, setting)) !== false);
  return { ignoresAcls: on(blockAcls) || on(ignoreAcls), ignoresPolicies: on(blockPolicy) || on(restrictBuckets) };
}
