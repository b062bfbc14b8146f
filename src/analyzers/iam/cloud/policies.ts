import { type CloudResource, getAll } from '../../iac/cloud-rules/model.js';
import type { PolicyDocument } from '../policy.js';
import { documentFromPolicyBlocks, documentFromValue, MalformedPolicy } from './document.js';
import { attachedPolicyDocuments, SAM_POLICY_HOLDERS } from './attached-policies.js';

/** Where a resource type holds a policy document, and what kind of document it is. */
interface PolicySlot {
  types: string[];
  path: string[];
  kind: PolicyDocument['kind'];
}

const SLOTS: PolicySlot[] = [
  { types: ['aws_iam_policy', 'aws_iam_role_policy', 'aws_iam_user_policy', 'aws_iam_group_policy'], path: ['policy'], kind: 'identity' },
  { types: ['aws_iam_role'], path: ['inline_policy', 'policy'], kind: 'identity' },
  { types: ['aws_iam_role'], path: ['assume_role_policy'], kind: 'trust' },
  {
    types: ['aws_s3_bucket', 'aws_s3_bucket_policy', 'aws_sqs_queue', 'aws_sqs_queue_policy', 'aws_sns_topic', 'aws_sns_topic_policy', 'aws_kms_key', 'aws_secretsmanager_secret_policy', 'aws_ecr_repository_policy'],
    path: ['policy'],
    kind: 'resource',
  },
  { types: ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy'], path: ['PolicyDocument'], kind: 'identity' },
  { types: ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'], path: ['Policies', 'PolicyDocument'], kind: 'identity' },
  { types: ['AWS::IAM::Role'], path: ['AssumeRolePolicyDocument'], kind: 'trust' },
  { types: ['AWS::S3::BucketPolicy', 'AWS::SQS::QueuePolicy', 'AWS::SNS::TopicPolicy'], path: ['PolicyDocument'], kind: 'resource' },
  { types: ['AWS::KMS::Key'], path: ['KeyPolicy'], kind: 'resource' },
  // SAM `Policies`: inline documents here; managed policies and policy templates are attachments.
  { types: SAM_POLICY_HOLDERS, path: ['Policies'], kind: 'identity' },
];

export interface CloudPolicy {
  resource: CloudResource;
  document: PolicyDocument;
}

export interface CloudPolicies {
  policies: CloudPolicy[];
  /** Policy text that cannot be read (malformed JSON), by the file it is written in. */
  problems: Array<{ file: string; message: string }>;
}

/**
 * The policy documents a set of resources writes or attaches. A Terraform `aws_iam_policy_document`
 * data source is read once, where its statements are written, its kind told by its content; the
 * resources that use it (`.json`) refer to it and are not read again. An AWS managed policy
 * attached by ARN (or by name in SAM) stands for the statements AWS publishes for it, a SAM policy
 * template for those it expands to.
 */
export function cloudPolicies(resources: readonly CloudResource[]): CloudPolicies {
  const out: CloudPolicies = { policies: [], problems: [] };
  for (const resource of resources) {
    if (resource.type === 'data.aws_iam_policy_document') out.policies.push({ resource, document: documentFromPolicyBlocks(resource.body) });
    out.policies.push(...attachedPolicyDocuments(resource, resources).map((document) => ({ resource, document })));
    for (const slot of SLOTS) {
      if (!slot.types.includes(resource.type)) continue;
      for (const value of getAll(resource.body, ...slot.path)) {
        try {
          const document = value.kind === 'ref' ? undefined : documentFromValue(value, slot.kind);
          if (document) out.policies.push({ resource, document });
        } catch (err) {
          if (!(err instanceof MalformedPolicy)) throw err;
          out.problems.push({ file: resource.file, message: `${resource.address}: ${err.message}` });
        }
      }
    }
  }
  return out;
}
