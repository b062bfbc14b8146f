import { S3_PUBLIC_POLICY } from '../../cloud-rules/checks/s3.js';
import { cloudRule } from '../../cloud-rules/expect.js';
import { get } from '../../cloud-rules/model.js';
import { isPublicGrant, policyStatements } from '../../cloud-rules/policy.js';
import { template } from './example.js';

const POLICY = 'Bucket: !Ref RawBucket\nPolicyDocument:\n  Statement:\n    - Effect: Allow\n      Principal: "*"\n      Action: s3:GetObject\n      Resource: !Sub "${RawBucket.Arn}/*"\n';

export const cfnS3PublicPolicy = cloudRule(S3_PUBLIC_POLICY, {
  id: 'cfn.s3.public-policy',
  bad: [
    { file: 'template.yaml', code: template('RawPolicy', 'AWS::S3::BucketPolicy', POLICY) },
    { file: 'template.json', code: JSON.stringify({ Resources: { P: { Type: 'AWS::S3::BucketPolicy', Properties: { Bucket: { Ref: 'B' }, PolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:*' }] } } } } }, null, 2) },
  ],
  good: [{ file: 'template.yaml', code: template('RawPolicy', 'AWS::S3::BucketPolicy', `${POLICY}      Condition:\n        StringEquals:\n          aws:PrincipalOrgID: o-abc123\n`) }],
  check(ctx) {
    for (const r of ctx.ofType('AWS::S3::BucketPolicy')) {
      for (const s of policyStatements(get(r.body, 'PolicyDocument'), ctx.resources).filter(isPublicGrant)) {
        ctx.report(r, s.range, { message: 'S3 bucket policy allows the principal "*" without a condition' });
      }
    }
  },
});
