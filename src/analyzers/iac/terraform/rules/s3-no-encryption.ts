import { S3_NO_ENCRYPTION } from '../../cloud-rules/checks/s3.js';
import { cloudRule } from '../../cloud-rules/expect.js';
import { getAll, isSet } from '../../cloud-rules/model.js';
import { reportBucketsWithout } from './s3-settings.js';

export const tfS3NoEncryption = cloudRule(S3_NO_ENCRYPTION, {
  id: 'tf.s3.no-encryption',
  bad: [{ file: 'main.tf', code: 'resource "aws_s3_bucket" "clean" {\n  bucket = "acme-clean"\n}\n' }],
  good: [
    {
      file: 'main.tf',
      code:
        'resource "aws_s3_bucket" "clean" {\n  bucket = "acme-clean"\n}\nresource "aws_s3_bucket_server_side_encryption_configuration" "clean" {\n  bucket = aws_s3_bucket.clean.id\n' +
        '  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm     = "aws:kms"\n      kms_master_key_id = aws_kms_key.data.arn\n    }\n  }\n}\n',
    },
  ],
  check(ctx) {
    reportBucketsWithout(
      ctx,
      'server_side_encryption_configuration',
      'aws_s3_bucket_server_side_encryption_configuration',
      (s) => getAll(s, 'rule', 'apply_server_side_encryption_by_default', 'sse_algorithm').some(isSet),
      'S3 bucket has no default encryption configuration',
    );
  },
});
