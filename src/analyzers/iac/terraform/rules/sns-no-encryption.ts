import { SNS_NO_ENCRYPTION } from '../../cloud-rules/checks/at-rest.js';
import { isEmpty, propertyRule } from '../../cloud-rules/expect.js';

export const tfSnsNoEncryption = propertyRule(SNS_NO_ENCRYPTION, {
  id: 'tf.sns.no-encryption',
  bad: [{ file: 'main.tf', code: 'resource "aws_sns_topic" "runs" {\n  name = "pipeline-runs"\n}\n' }],
  good: [{ file: 'main.tf', code: 'resource "aws_sns_topic" "runs" {\n  name              = "pipeline-runs"\n  kms_master_key_id = "alias/pipeline"\n}\n' }],
  types: ['aws_sns_topic'],
  path: ['kms_master_key_id'],
  insecure: isEmpty,
  missingIsInsecure: true,
  message: 'SNS topic is not encrypted (no kms_master_key_id)',
});
