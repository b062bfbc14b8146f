import { S3_NO_SECURE_TRANSPORT } from '../../cloud-rules/checks/s3.js';
import { cloudRule } from '../../cloud-rules/expect.js';
import { get } from '../../cloud-rules/model.js';
import { deniesInsecureTransport, policyStatements } from '../../cloud-rules/policy.js';
import { buckets } from './s3-settings.js';

export const tfS3NoSecureTransport = cloudRule(S3_NO_SECURE_TRANSPORT, {
  id: 'tf.s3.no-secure-transport',
  bad: [{ file: 'main.tf', code: 'resource "aws_s3_bucket" "raw" {\n  bucket = "acme-raw"\n}\n' }],
  good: [
    {
      file: 'main.tf',
      code:
        'resource "aws_s3_bucket" "raw" {\n  bucket = "acme-raw"\n}\nresource "aws_s3_bucket_policy" "raw" {\n  bucket = aws_s3_bucket.raw.id\n  policy = jsonencode({\n' +
        '    Statement = [{\n      Effect = "Deny", Principal = "*", Action = "s3:*"\n      Resource = [aws_s3_bucket.raw.arn, "${aws_s3_bucket.raw.arn}/*"]\n' +
        '      Condition = { Bool = { "aws:SecureTransport" = "false" } }\n    }]\n  })\n}\n',
    },
  ],
  check(ctx) {
    for (const bucket of buckets(ctx)) {
      const policies = [get(bucket.body, 'policy'), ...ctx.attachedTo(bucket, 'aws_s3_bucket_policy', 'bucket').map((p) => get(p.body, 'policy'))];
      // A policy we cannot read (a variable, a file()) may well hold the deny.
      if (policies.some((p) => p?.kind === 'unknown')) continue;
      if (!policies.some((p) => policyStatements(p, ctx.resources).some(deniesInsecureTransport))) {
        ctx.report(bucket, bucket.range, { message: 'S3 bucket has no policy denying requests without TLS (aws:SecureTransport)' });
      }
    }
  },
});
