import { S3_NO_VERSIONING } from '../../cloud-rules/checks/s3.js';
import { cloudRule } from '../../cloud-rules/expect.js';
import { bool, get, str } from '../../cloud-rules/model.js';
import { reportBucketsWithout } from './s3-settings.js';

export const tfS3NoVersioning = cloudRule(S3_NO_VERSIONING, {
  id: 'tf.s3.no-versioning',
  bad: [
    { file: 'main.tf', code: 'resource "aws_s3_bucket" "raw" {\n  bucket = "acme-raw"\n}\n' },
    {
      file: 'main.tf',
      code: 'resource "aws_s3_bucket" "raw" {\n  bucket = "acme-raw"\n}\nresource "aws_s3_bucket_versioning" "raw" {\n  bucket = aws_s3_bucket.raw.id\n  versioning_configuration {\n    status = "Suspended"\n  }\n}\n',
    },
  ],
  good: [
    {
      file: 'main.tf',
      code: 'resource "aws_s3_bucket" "raw" {\n  bucket = "acme-raw"\n}\nresource "aws_s3_bucket_versioning" "raw" {\n  bucket = aws_s3_bucket.raw.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n',
    },
    { file: 'main.tf', code: 'resource "aws_s3_bucket" "raw" {\n  bucket = "acme-raw"\n  versioning {\n    enabled = true\n  }\n}\n' },
  ],
  check(ctx) {
    reportBucketsWithout(
      ctx,
      'versioning',
      'aws_s3_bucket_versioning',
      (s) => {
        const status = get(s, 'versioning_configuration', 'status') ?? get(s, 'enabled');
        return status?.kind === 'unknown' || status?.kind === 'ref' || str(status) === 'Enabled' || bool(status) === true;
      },
      'S3 bucket versioning is not enabled',
    );
  },
});
