import { GLUE_SECURITY_CONFIGURATION_DISABLED } from '../../cloud-rules/checks/at-rest.js';
import { cloudRule } from '../../cloud-rules/expect.js';
import { get, str } from '../../cloud-rules/model.js';

const MODES = [
  ['s3_encryption', 's3_encryption_mode'],
  ['cloudwatch_encryption', 'cloudwatch_encryption_mode'],
  ['job_bookmarks_encryption', 'job_bookmarks_encryption_mode'],
] as const;

export const tfGlueSecurityConfigurationDisabled = cloudRule(GLUE_SECURITY_CONFIGURATION_DISABLED, {
  id: 'tf.glue.encryption-disabled',
  bad: [
    {
      file: 'main.tf',
      code:
        'resource "aws_glue_security_configuration" "pipeline" {\n  name = "pipeline"\n  encryption_configuration {\n    cloudwatch_encryption {\n      cloudwatch_encryption_mode = "DISABLED"\n    }\n' +
        '    job_bookmarks_encryption {\n      job_bookmarks_encryption_mode = "DISABLED"\n    }\n    s3_encryption {\n      s3_encryption_mode = "DISABLED"\n    }\n  }\n}\n',
    },
  ],
  good: [
    {
      file: 'main.tf',
      code:
        'resource "aws_glue_security_configuration" "pipeline" {\n  name = "pipeline"\n  encryption_configuration {\n    cloudwatch_encryption {\n      cloudwatch_encryption_mode = "SSE-KMS"\n      kms_key_arn = aws_kms_key.data.arn\n    }\n' +
        '    job_bookmarks_encryption {\n      job_bookmarks_encryption_mode = "CSE-KMS"\n      kms_key_arn = aws_kms_key.data.arn\n    }\n    s3_encryption {\n      s3_encryption_mode = "SSE-KMS"\n      kms_key_arn = aws_kms_key.data.arn\n    }\n  }\n}\n',
    },
  ],
  check(ctx) {
    for (const r of ctx.ofType('aws_glue_security_configuration')) {
      const config = get(r.body, 'encryption_configuration');
      for (const [block, attribute] of MODES) {
        const mode = get(config, block, attribute);
        if (mode?.kind === 'unknown' || mode?.kind === 'ref') continue;
        if (mode === undefined || str(mode)?.toUpperCase() === 'DISABLED') {
          ctx.report(r, mode?.range ?? r.range, { message: `Glue security configuration leaves ${block.replace(/_/g, ' ')} disabled` });
        }
      }
    }
  },
});
