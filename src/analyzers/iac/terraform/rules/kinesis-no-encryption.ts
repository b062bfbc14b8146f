import { KINESIS_NO_ENCRYPTION } from '../../cloud-rules/checks/at-rest.js';
import { isNoneOf, propertyRule } from '../../cloud-rules/expect.js';

export const tfKinesisNoEncryption = propertyRule(KINESIS_NO_ENCRYPTION, {
  id: 'tf.kinesis.no-encryption',
  bad: [{ file: 'main.tf', code: 'resource "aws_kinesis_stream" "events" {\n  name        = "events"\n  shard_count = 2\n}\n' }],
  good: [{ file: 'main.tf', code: 'resource "aws_kinesis_stream" "events" {\n  name            = "events"\n  encryption_type = "KMS"\n  kms_key_id      = aws_kms_key.data.arn\n}\n' }],
  types: ['aws_kinesis_stream'],
  path: ['encryption_type'],
  insecure: isNoneOf('kms'),
  missingIsInsecure: true,
  message: 'Kinesis stream is not encrypted (encryption_type is not KMS)',
});
