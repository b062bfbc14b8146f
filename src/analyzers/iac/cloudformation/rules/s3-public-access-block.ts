import { PUBLIC_ACCESS_BLOCK_SETTINGS, S3_PUBLIC_ACCESS_BLOCK } from '../../cloud-rules/checks/s3.js';
import { cloudRule } from '../../cloud-rules/expect.js';
import { bool, get, isUnset } from '../../cloud-rules/model.js';
import { template } from './example.js';

const ALL_ON = 'PublicAccessBlockConfiguration:\n  BlockPublicAcls: true\n  BlockPublicPolicy: true\n  IgnorePublicAcls: true\n  RestrictPublicBuckets: true';

export const cfnS3PublicAccessBlock = cloudRule(S3_PUBLIC_ACCESS_BLOCK, {
  id: 'cfn.s3.no-public-access-block',
  bad: [
    { file: 'template.yaml', code: template('RawBucket', 'AWS::S3::Bucket', 'BucketName: acme-raw') },
    { file: 'template.yaml', code: template('RawBucket', 'AWS::S3::Bucket', ALL_ON.replace('BlockPublicPolicy: true', 'BlockPublicPolicy: false')) },
  ],
  good: [{ file: 'template.yaml', code: template('RawBucket', 'AWS::S3::Bucket', ALL_ON) }],
  check(ctx) {
    for (const bucket of ctx.ofType('AWS::S3::Bucket')) {
      const block = get(bucket.body, 'PublicAccessBlockConfiguration');
      if (isUnset(block)) {
        ctx.report(bucket, bucket.range, { message: 'S3 bucket has no public access block configuration' });
        continue;
      }
      if (block!.kind !== 'object') continue;
      // Settings left out of the configuration default to false.
      const off = PUBLIC_ACCESS_BLOCK_SETTINGS.cloudformation.filter((s) => bool(get(block, s)) !== true && get(block, s)?.kind !== 'unknown');
      if (off.length > 0) ctx.report(bucket, block!.range, { message: `S3 public access block leaves ${off.join(', ')} off` });
    }
  },
});
