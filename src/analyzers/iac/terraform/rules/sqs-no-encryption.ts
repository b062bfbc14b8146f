import { SQS_NO_ENCRYPTION } from '../../cloud-rules/checks/at-rest.js';
import { isFalse, propertyRule } from '../../cloud-rules/expect.js';
import { get, isSet } from '../../cloud-rules/model.js';

export const tfSqsNoEncryption = propertyRule(SQS_NO_ENCRYPTION, {
  id: 'tf.sqs.no-encryption',
  bad: [{ file: 'main.tf', code: 'resource "aws_sqs_queue" "jobs" {\n  name                    = "jobs"\n  sqs_managed_sse_enabled = false\n}\n' }],
  good: [
    { file: 'main.tf', code: 'resource "aws_sqs_queue" "jobs" {\n  name = "jobs"\n}\n' },
    { file: 'main.tf', code: 'resource "aws_sqs_queue" "jobs" {\n  name              = "jobs"\n  kms_master_key_id = aws_kms_key.data.id\n}\n' },
  ],
  types: ['aws_sqs_queue'],
  path: ['sqs_managed_sse_enabled'],
  insecure: isFalse,
  // SQS-managed encryption is on by default for new queues.
  missingIsInsecure: false,
  message: 'SQS queue encryption is turned off',
  exempt: (r) => isSet(get(r.body, 'kms_master_key_id')),
});
