import { FIREHOSE_NO_ENCRYPTION } from '../../cloud-rules/checks/at-rest.js';
import { isEmpty, propertyRule } from '../../cloud-rules/expect.js';
import { get, str } from '../../cloud-rules/model.js';
import { template } from './example.js';

export const cfnFirehoseNoEncryption = propertyRule(FIREHOSE_NO_ENCRYPTION, {
  id: 'cfn.firehose.no-encryption',
  bad: [
    { file: 'template.yaml', code: template('Events', 'AWS::KinesisFirehose::DeliveryStream', 'DeliveryStreamType: DirectPut') },
  ],
  good: [
    { file: 'template.yaml', code: template('Events', 'AWS::KinesisFirehose::DeliveryStream', 'DeliveryStreamType: DirectPut\nDeliveryStreamEncryptionConfigurationInput:\n  KeyType: CUSTOMER_MANAGED_CMK\n  KeyARN: !GetAtt DataKey.Arn') },
    { file: 'template.yaml', code: template('Events', 'AWS::KinesisFirehose::DeliveryStream', 'DeliveryStreamType: KinesisStreamAsSource\nKinesisStreamSourceConfiguration:\n  KinesisStreamARN: !GetAtt Stream.Arn') },
  ],
  types: ['AWS::KinesisFirehose::DeliveryStream'],
  path: ['DeliveryStreamEncryptionConfigurationInput', 'KeyType'],
  insecure: isEmpty,
  missingIsInsecure: true,
  message: 'Firehose delivery stream is not encrypted',
  // Streams reading from Kinesis or MSK are encrypted by their source.
  exempt: (r) => str(get(r.body, 'DeliveryStreamType')) === 'KinesisStreamAsSource' || str(get(r.body, 'DeliveryStreamType')) === 'MSKAsSource',
});
