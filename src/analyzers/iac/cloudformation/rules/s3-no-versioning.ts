import { S3_NO_VERSIONING } from '../../cloud-rules/checks/s3.js';
import { isNoneOf, propertyRule } from '../../cloud-rules/expect.js';
import { template } from './example.js';

export const cfnS3NoVersioning = propertyRule(S3_NO_VERSIONING, {
  id: 'cfn.s3.no-versioning',
  bad: [
    { file: 'template.yaml', code: template('RawBucket', 'AWS::S3::Bucket', 'BucketName: acme-raw') },
    { file: 'template.yaml', code: template('RawBucket', 'AWS::S3::Bucket', 'VersioningConfiguration:\n  Status: Suspended') },
  ],
  good: [{ file: 'template.yaml', code: template('RawBucket', 'AWS::S3::Bucket', 'VersioningConfiguration:\n  Status: Enabled') }],
  types: ['AWS::S3::Bucket'],
  path: ['VersioningConfiguration', 'Status'],
  insecure: isNoneOf('enabled'),
  missingIsInsecure: true,
  message: 'S3 bucket versioning is not enabled',
});
