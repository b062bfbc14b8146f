import { FIREHOSE_NO_ENCRYPTION } from '../../cloud-rules/checks/at-rest.js';
import { isFalse, propertyRule } from '../../cloud-rules/expect.js';
import { get, isUnset } from '../../cloud-rules/model.js';

export const tfFirehoseNoEncryption = propertyRule(FIREHOSE_NO_ENCRYPTION, {
  id: 'tf.firehose.no-encryption',
  bad: [{ file: 'main.tf', code: 'resource "aws_kinesis_firehose_delivery_stream" "events" {\n  name        = "events"\n  destination = "extended_s3"\n}\n' }],
  good: [
    {
      file: 'main.tf',
      code: 'resource "aws_kinesis_firehose_delivery_stream" "events" {\n  name        = "events"\n  destination = "extended_s3"\n  server_side_encryption {\n    enabled  = true\n    key_type = "CUSTOMER_MANAGED_CMK"\n    key_arn  = aws_kms_key.data.arn\n  }\n}\n',
    },
  ],
  types: ['aws_kinesis_firehose_delivery_stream'],
  path: ['server_side_encryption', 'enabled'],
  insecure: isFalse,
  missingIsInsecure: true,
  message: 'Firehose delivery stream is not encrypted',
  exempt: (r) => !isUnset(get(r.body, 'kinesis_source_configuration')) || !isUnset(get(r.body, 'msk_source_configuration')),
});
