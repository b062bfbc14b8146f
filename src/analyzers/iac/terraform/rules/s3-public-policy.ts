import { S3_PUBLIC_POLICY } from '../../cloud-rules/checks/s3.js';
import { cloudRule } from '../../cloud-rules/expect.js';
import { get } from '../../cloud-rules/model.js';
import { isPublicGrant, policyStatements } from '../../cloud-rules/policy.js';

export const tfS3PublicPolicy = cloudRule(S3_PUBLIC_POLICY, {
  id: 'tf.s3.public-policy',
  bad: [
    {
      file: 'main.tf',
      code:
        'resource "aws_s3_bucket_policy" "raw" {\n  bucket = aws_s3_bucket.raw.id\n  policy = jsonencode({\n    Version = "2012-10-17"\n' +
        '    Statement = [{ Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "${aws_s3_bucket.raw.arn}/*" }]\n  })\n}\n',
    },
    {
      file: 'main.tf',
      code:
        'data "aws_iam_policy_document" "public" {\n  statement {\n    actions = ["s3:GetObject"]\n    resources = ["arn:aws:s3:::exports/*"]\n' +
        '    principals {\n      type        = "AWS"\n      identifiers = ["*"]\n    }\n  }\n}\n' +
        'resource "aws_s3_bucket_policy" "exports" {\n  bucket = "exports"\n  policy = data.aws_iam_policy_document.public.json\n}\n',
    },
  ],
  good: [
    {
      file: 'main.tf',
      code:
        'resource "aws_s3_bucket_policy" "raw" {\n  bucket = aws_s3_bucket.raw.id\n  policy = jsonencode({\n    Statement = [{\n      Effect = "Allow", Principal = "*", Action = "s3:GetObject", Resource = "${aws_s3_bucket.raw.arn}/*"\n' +
        '      Condition = { StringEquals = { "aws:PrincipalOrgID" = "o-abc123" } }\n    }]\n  })\n}\n',
    },
  ],
  check(ctx) {
    for (const r of ctx.ofType('aws_s3_bucket_policy', 'aws_s3_bucket')) {
      const policy = get(r.body, 'policy');
      for (const s of policyStatements(policy, ctx.resources).filter(isPublicGrant)) {
        // A policy from a data source is reported where the bucket policy uses it.
        ctx.report(r, policy?.kind === 'ref' ? policy.range : s.range, { message: 'S3 bucket policy allows the principal "*" without a condition' });
      }
    }
  },
});
