import { PUBLIC_ACCESS_BLOCK_SETTINGS, S3_PUBLIC_ACCESS_BLOCK } from '../../cloud-rules/checks/s3.js';
import { cloudRule } from '../../cloud-rules/expect.js';
import { bool, get, type Value } from '../../cloud-rules/model.js';
import { buckets } from './s3-settings.js';

const SETTINGS = PUBLIC_ACCESS_BLOCK_SETTINGS.terraform;
const blocksAll = (body: Value): boolean => SETTINGS.every((s) => bool(get(body, s)) === true || get(body, s)?.kind === 'unknown');

export const tfS3PublicAccessBlock = cloudRule(S3_PUBLIC_ACCESS_BLOCK, {
  id: 'tf.s3.no-public-access-block',
  bad: [
    { file: 'main.tf', code: 'resource "aws_s3_bucket" "raw" {\n  bucket = "acme-raw"\n}\n' },
    {
      file: 'main.tf',
      code:
        'resource "aws_s3_bucket" "raw" {\n  bucket = "acme-raw"\n}\nresource "aws_s3_bucket_public_access_block" "raw" {\n  bucket                  = aws_s3_bucket.raw.id\n' +
        '  block_public_acls       = true\n  block_public_policy     = false\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n',
    },
  ],
  good: [
    {
      file: 'main.tf',
      code:
        'resource "aws_s3_bucket" "raw" {\n  bucket = "acme-raw"\n}\nresource "aws_s3_bucket_public_access_block" "raw" {\n  bucket                  = aws_s3_bucket.raw.id\n' +
        '  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n',
    },
  ],
  check(ctx) {
    if (ctx.ofType('aws_s3_account_public_access_block').some((r) => blocksAll(r.body))) return;
    for (const bucket of buckets(ctx)) {
      const blocks = ctx.attachedTo(bucket, 'aws_s3_bucket_public_access_block', 'bucket');
      if (blocks.length === 0) ctx.report(bucket, bucket.range, { message: 'S3 bucket has no public access block' });
      for (const block of blocks.filter((b) => !blocksAll(b.body))) {
        const off = SETTINGS.filter((s) => bool(get(block.body, s)) !== true && get(block.body, s)?.kind !== 'unknown');
        ctx.report(block, block.range, { message: `S3 public access block leaves ${off.join(', ')} off` });
      }
    }
  },
});
