import { S3_NO_LOGGING } from '../../cloud-rules/checks/s3.js';
import { isEmpty, propertyRule } from '../../cloud-rules/expect.js';
import { get, refersTo } from '../../cloud-rules/model.js';
import { template } from './example.js';

export const cfnS3NoLogging = propertyRule(S3_NO_LOGGING, {
  id: 'cfn.s3.no-access-logging',
  bad: [{ file: 'template.yaml', code: template('RawBucket', 'AWS::S3::Bucket', 'BucketName: acme-raw') }],
  good: [
    {
      file: 'template.yaml',
      code:
        template('RawBucket', 'AWS::S3::Bucket', 'LoggingConfiguration:\n  DestinationBucketName: !Ref LogBucket\n  LogFilePrefix: raw/') +
        '  LogBucket:\n    Type: AWS::S3::Bucket\n',
    },
  ],
  types: ['AWS::S3::Bucket'],
  path: ['LoggingConfiguration', 'DestinationBucketName'],
  insecure: isEmpty,
  missingIsInsecure: true,
  message: 'S3 bucket access logging is not enabled',
  // The bucket receiving access logs does not log into itself.
  exempt: (bucket, ctx) => ctx.ofType('AWS::S3::Bucket').some((b) => refersTo(get(b.body, 'LoggingConfiguration', 'DestinationBucketName'), bucket.address)),
});
