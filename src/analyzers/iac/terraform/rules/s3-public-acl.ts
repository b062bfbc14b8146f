import { S3_PUBLIC_ACL, isPublicCannedAcl } from '../../cloud-rules/checks/s3.js';
import { cloudRule } from '../../cloud-rules/expect.js';
import { get, str } from '../../cloud-rules/model.js';

export const tfS3PublicAcl = cloudRule(S3_PUBLIC_ACL, {
  id: 'tf.s3.public-acl',
  bad: [
    { file: 'main.tf', code: 'resource "aws_s3_bucket_acl" "raw" {\n  bucket = aws_s3_bucket.raw.id\n  acl    = "public-read"\n}\n' },
    { file: 'main.tf', code: 'variable "acl" { default = "public-read-write" }\nresource "aws_s3_bucket" "landing" {\n  bucket = "landing"\n  acl    = var.acl\n}\n' },
  ],
  good: [{ file: 'main.tf', code: 'resource "aws_s3_bucket_acl" "raw" {\n  bucket = aws_s3_bucket.raw.id\n  acl    = "private"\n}\n' }],
  check(ctx) {
    for (const r of ctx.ofType('aws_s3_bucket', 'aws_s3_bucket_acl')) {
      const acl = get(r.body, 'acl');
      if (acl && isPublicCannedAcl(str(acl))) ctx.report(r, acl.range, { message: `S3 bucket ACL "${str(acl)}" grants public access` });
    }
  },
});
