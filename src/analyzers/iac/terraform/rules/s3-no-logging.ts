import { S3_NO_LOGGING } from '../../cloud-rules/checks/s3.js';
import { cloudRule } from '../../cloud-rules/expect.js';
import { type CloudResource, get, getAll, isSet, refersTo, str } from '../../cloud-rules/model.js';
import { reportBucketsWithout } from './s3-settings.js';

export const tfS3NoLogging = cloudRule(S3_NO_LOGGING, {
  id: 'tf.s3.no-access-logging',
  bad: [{ file: 'main.tf', code: 'resource "aws_s3_bucket" "raw" {\n  bucket = "acme-raw"\n}\n' }],
  good: [
    {
      file: 'main.tf',
      code:
        'resource "aws_s3_bucket" "raw" {\n  bucket = "acme-raw"\n}\nresource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n}\n' +
        'resource "aws_s3_bucket_logging" "raw" {\n  bucket        = aws_s3_bucket.raw.id\n  target_bucket = aws_s3_bucket.logs.id\n  target_prefix = "raw/"\n}\n',
    },
  ],
  check(ctx) {
    // Log buckets are often shared: another module instance may name this bucket as its target.
    const targets = ctx.configuration.flatMap((r) =>
      (r.type === 'aws_s3_bucket_logging' ? [get(r.body, 'target_bucket')] : r.type === 'aws_s3_bucket' ? getAll(r.body, 'logging', 'target_bucket') : []).map((value) => ({ module: r.module, value })),
    );
    const isLogTarget = (bucket: CloudResource) =>
      targets.some((t) => (t.module === bucket.module && refersTo(t.value, bucket.address)) || (str(t.value) !== undefined && str(t.value) === str(get(bucket.body, 'bucket'))));
    reportBucketsWithout(ctx, 'logging', 'aws_s3_bucket_logging', (s) => isSet(get(s, 'target_bucket')), 'S3 bucket access logging is not enabled', isLogTarget);
  },
});
