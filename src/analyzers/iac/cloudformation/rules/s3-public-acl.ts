import { isPublicCannedAcl, S3_PUBLIC_ACL } from '../../cloud-rules/checks/s3.js';
import { cloudRule } from '../../cloud-rules/expect.js';
import { get, str } from '../../cloud-rules/model.js';
import { template } from './example.js';

export const cfnS3PublicAcl = cloudRule(S3_PUBLIC_ACL, {
  id: 'cfn.s3.public-acl',
  bad: [{ file: 'template.yaml', code: template('RawBucket', 'AWS::S3::Bucket', 'AccessControl: PublicRead') }],
  good: [{ file: 'template.yaml', code: template('RawBucket', 'AWS::S3::Bucket', 'AccessControl: Private') }],
  check(ctx) {
    for (const r of ctx.ofType('AWS::S3::Bucket')) {
      const acl = get(r.body, 'AccessControl');
      if (acl && isPublicCannedAcl(str(acl))) ctx.report(r, acl.range, { message: `S3 bucket ACL "${str(acl)}" grants public access` });
    }
  },
});
