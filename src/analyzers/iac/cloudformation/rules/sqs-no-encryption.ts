import { SQS_NO_ENCRYPTION } from '../../cloud-rules/checks/at-rest.js';
import { isFalse, propertyRule } from '../../cloud-rules/expect.js';
import { get, isSet } from '../../cloud-rules/model.js';
import { template } from './example.js';

export const cfnSqsNoEncryption = propertyRule(SQS_NO_ENCRYPTION, {
  id: 'cfn.sqs.no-encryption',
  bad: [
    { file: 'template.yaml', code: template('Jobs', 'AWS::SQS::Queue', 'SqsManagedSseEnabled: false') },
  ],
  good: [
    { file: 'template.yaml', code: template('Jobs', 'AWS::SQS::Queue', 'QueueName: jobs') },
    { file: 'template.yaml', code: template('Jobs', 'AWS::SQS::Queue', 'SqsManagedSseEnabled: false\nKmsMasterKeyId: !Ref DataKey') },
  ],
  types: ['AWS::SQS::Queue'],
  path: ['SqsManagedSseEnabled'],
  insecure: isFalse,
  missingIsInsecure: false,
  message: 'SQS queue encryption is turned off',
  // SQS-managed encryption is on by default for new queues.
  exempt: (r) => isSet(get(r.body, 'KmsMasterKeyId')),
});
