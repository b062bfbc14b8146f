import { S3_NO_ENCRYPTION } from '../../cloud-rules/checks/s3.js';
import { isEmpty, propertyRule } from '../../cloud-rules/expect.js';
import { template } from './example.js';

export const cfnS3NoEncryption = propertyRule(S3_NO_ENCRYPTION, {
  id: 'cfn.s3.no-encryption',
  bad: [{ file: 'template.yaml', code: template('CleanBucket', 'AWS::S3::Bucket', 'BucketName: acme-clean') }],
  good: [
    {
      file: 'template.yaml',
      code: template('CleanBucket', 'AWS::S3::Bucket', 'BucketEncryption:\n  ServerSideEncryptionConfiguration:\n    - ServerSideEncryptionByDefault:\n        SSEAlgorithm: aws:kms\n        KMSMasterKeyID: !Ref DataKey'),
    },
  ],
  types: ['AWS::S3::Bucket'],
  path: ['BucketEncryption'],
  insecure: isEmpty,
  missingIsInsecure: true,
  message: 'S3 bucket has no default encryption configuration',
});
