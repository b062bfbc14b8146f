import { S3_NO_SECURE_TRANSPORT } from '../../cloud-rules/checks/s3.js';
import { cloudRule } from '../../cloud-rules/expect.js';
import { get } from '../../cloud-rules/model.js';
import { deniesInsecureTransport, policyStatements } from '../../cloud-rules/policy.js';
import { template } from './example.js';

const DENY_HTTP =
  '  RawPolicy:\n    Type: AWS::S3::BucketPolicy\n    Properties:\n      Bucket: !Ref RawBucket\n      PolicyDocument:\n        Statement:\n          - Effect: Deny\n' +
  '            Principal: "*"\n            Action: s3:*\n            Resource: [!GetAtt RawBucket.Arn, !Sub "${RawBucket.Arn}/*"]\n            Condition:\n              Bool:\n                aws:SecureTransport: false\n';

export const cfnS3NoSecureTransport = cloudRule(S3_NO_SECURE_TRANSPORT, {
  id: 'cfn.s3.no-secure-transport',
  bad: [{ file: 'template.yaml', code: template('RawBucket', 'AWS::S3::Bucket', 'BucketName: acme-raw') }],
  good: [{ file: 'template.yaml', code: template('RawBucket', 'AWS::S3::Bucket', 'BucketName: acme-raw') + DENY_HTTP }],
  check(ctx) {
    for (const bucket of ctx.ofType('AWS::S3::Bucket')) {
      const policies = ctx.attachedTo(bucket, 'AWS::S3::BucketPolicy', 'Bucket').map((p) => get(p.body, 'PolicyDocument'));
      if (policies.some((p) => p?.kind === 'unknown')) continue;
      if (!policies.some((p) => policyStatements(p, ctx.resources).some(deniesInsecureTransport))) {
        ctx.report(bucket, bucket.range, { message: 'S3 bucket has no policy denying requests without TLS (aws:SecureTransport)' });
      }
    }
  },
});
