import { GLUE_NO_SECURITY_CONFIGURATION } from '../../cloud-rules/checks/at-rest.js';
import { isEmpty, propertyRule } from '../../cloud-rules/expect.js';

export const tfGlueNoSecurityConfiguration = propertyRule(GLUE_NO_SECURITY_CONFIGURATION, {
  id: 'tf.glue.no-security-configuration',
  bad: [{ file: 'main.tf', code: 'resource "aws_glue_job" "clean" {\n  name     = "clean"\n  role_arn = aws_iam_role.glue.arn\n  command {\n    script_location = "s3://acme-code/clean.py"\n  }\n}\n' }],
  good: [
    {
      file: 'main.tf',
      code: 'resource "aws_glue_job" "clean" {\n  name                   = "clean"\n  role_arn               = aws_iam_role.glue.arn\n  security_configuration = aws_glue_security_configuration.pipeline.name\n}\n',
    },
  ],
  types: ['aws_glue_job', 'aws_glue_crawler'],
  path: ['security_configuration'],
  insecure: isEmpty,
  missingIsInsecure: true,
  message: 'Glue job or crawler runs without a security configuration',
});
