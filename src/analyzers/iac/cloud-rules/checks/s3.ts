import type { CheckDocs } from '../rule.js';

const S3_DOCS = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide';

/** Canned ACLs that grant every internet user (or every AWS account holder) access. */
export function isPublicCannedAcl(acl: string | undefined): boolean {
  const normalised = acl?.toLowerCase().replace(/[-_]/g, '');
  return normalised === 'publicread' || normalised === 'publicreadwrite' || normalised === 'authenticatedread';
}

export const S3_PUBLIC_ACL: CheckDocs = {
  title: 'S3 bucket ACL grants public access',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-732'],
  what: 'Finds buckets whose canned ACL is public-read, public-read-write or authenticated-read.',
  why: 'Raw and cleaned datasets land in these buckets. A public ACL lets anyone on the internet (or any AWS account) list and download them, and public-read-write lets them plant files the pipeline then ingests.',
  remediation: 'Use the private ACL (or none: bucket-owner-enforced object ownership disables ACLs) and grant access through IAM roles or a bucket policy naming the principals.',
  references: [`${S3_DOCS}/acl-overview.html#canned-acl`, 'https://cwe.mitre.org/data/definitions/732.html'],
};

export const S3_PUBLIC_POLICY: CheckDocs = {
  title: 'S3 bucket policy allows everyone',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-732'],
  what: 'Finds bucket policy statements that Allow the principal "*" with no condition narrowing who may call.',
  why: 'A wildcard principal without a condition is anonymous access: whoever knows the bucket name can read (or write) the pipeline’s data, bypassing IAM entirely.',
  remediation: 'Name the roles or accounts that need access as principals, or add a condition (aws:PrincipalOrgID, aws:SourceVpce) that pins access to your organisation or network.',
  references: [`${S3_DOCS}/example-bucket-policies.html`, 'https://cwe.mitre.org/data/definitions/732.html'],
};

export const S3_PUBLIC_ACCESS_BLOCK: CheckDocs = {
  title: 'S3 bucket does not block public access',
  severity: 'medium',
  confidence: 'medium',
  cwe: ['CWE-732'],
  what: 'Finds buckets without a public access block that turns on all four settings (block and ignore public ACLs, block public policies, restrict public buckets).',
  why: 'The block is the guard rail that keeps one mistaken ACL or policy from publishing a dataset. AWS turns it on for buckets created since April 2023, but a configuration that does not state it relies on that default, and on nobody switching it off later.',
  remediation: 'Add a public access block for the bucket (or the account) with block_public_acls, block_public_policy, ignore_public_acls and restrict_public_buckets all true.',
  references: [`${S3_DOCS}/access-control-block-public-access.html`],
};

export const S3_NO_ENCRYPTION: CheckDocs = {
  title: 'S3 bucket has no default encryption configured',
  severity: 'low',
  confidence: 'medium',
  cwe: ['CWE-311'],
  what: 'Finds buckets without a server-side encryption configuration.',
  why: 'Since January 2023 S3 encrypts new objects with S3-managed keys anyway; declaring SSE-KMS with your own key is what lets you control, audit and revoke who can decrypt the pipeline’s data, and makes the intent survive a copy of the configuration.',
  remediation: 'Configure default encryption with aws:kms and a customer-managed key (and bucket keys to keep KMS costs down).',
  references: [`${S3_DOCS}/default-bucket-encryption.html`, 'https://cwe.mitre.org/data/definitions/311.html'],
};

export const S3_NO_VERSIONING: CheckDocs = {
  title: 'S3 bucket versioning is not enabled',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-693'],
  what: 'Finds buckets whose versioning is not enabled.',
  why: 'Without versions an overwrite or delete — a buggy job, ransomware, a poisoned re-upload — destroys the only copy of a raw dataset, and there is nothing to compare a tampered file with.',
  remediation: 'Enable versioning on the bucket (and a lifecycle rule that expires old versions to bound the cost).',
  references: [`${S3_DOCS}/Versioning.html`],
};

export const S3_NO_LOGGING: CheckDocs = {
  title: 'S3 bucket access logging is not enabled',
  severity: 'low',
  confidence: 'high',
  cwe: ['CWE-778'],
  what: 'Finds buckets without server access logging. A bucket that receives other buckets’ logs is not expected to log itself.',
  why: 'When a dataset leaks or is tampered with, access logs are the record of who read or wrote which object and from where; without them an investigation has nothing to go on.',
  remediation: 'Turn on server access logging to a dedicated log bucket (or record S3 data events with CloudTrail).',
  references: [`${S3_DOCS}/ServerLogs.html`, 'https://cwe.mitre.org/data/definitions/778.html'],
};

export const S3_NO_SECURE_TRANSPORT: CheckDocs = {
  title: 'S3 bucket policy does not deny requests without TLS',
  severity: 'medium',
  confidence: 'medium',
  cwe: ['CWE-319'],
  what: 'Finds buckets with no bucket policy statement that denies requests where aws:SecureTransport is false.',
  why: 'S3 still answers plain HTTP. A client or SDK configured with an http:// endpoint sends the pipeline’s data and its signed requests in cleartext; only a deny on aws:SecureTransport makes the bucket refuse them.',
  remediation: 'Add a bucket policy statement with Effect Deny, Principal "*", Action s3:*, the bucket and its objects as resources, and Condition Bool aws:SecureTransport false.',
  references: ['https://repost.aws/knowledge-center/s3-bucket-policy-for-config-rule', 'https://cwe.mitre.org/data/definitions/319.html'],
};

/** The four public access block settings, in Terraform and CloudFormation spelling. */
export const PUBLIC_ACCESS_BLOCK_SETTINGS = {
  terraform: ['block_public_acls', 'block_public_policy', 'ignore_public_acls', 'restrict_public_buckets'],
  cloudformation: ['BlockPublicAcls', 'BlockPublicPolicy', 'IgnorePublicAcls', 'RestrictPublicBuckets'],
} as const;
