import { KINESIS_NO_ENCRYPTION } from '../../cloud-rules/checks/at-rest.js';
import { isNoneOf, propertyRule } from '../../cloud-rules/expect.js';
import { template } from './example.js';

export const cfnKinesisNoEncryption = propertyRule(KINESIS_NO_ENCRYPTION, {
  id: 'cfn.kinesis.no-encryption',
  bad: [
    { file: 'template.yaml', code: template('Events', 'AWS::Kinesis::Stream', 'ShardCount: 2') },
  ],
  good: [
    { file: 'template.yaml', code: template('Events', 'AWS::Kinesis::Stream', 'ShardCount: 2\nStreamEncryption:\n  EncryptionType: KMS\n  KeyId: alias/aws/kinesis') },
  ],
  types: ['AWS::Kinesis::Stream'],
  path: ['StreamEncryption', 'EncryptionType'],
  insecure: isNoneOf('kms'),
  missingIsInsecure: true,
  message: 'Kinesis stream is not encrypted (no KMS StreamEncryption)',
});
