import { SNS_NO_ENCRYPTION } from '../../cloud-rules/checks/at-rest.js';
import { isEmpty, propertyRule } from '../../cloud-rules/expect.js';
import { template } from './example.js';

export const cfnSnsNoEncryption = propertyRule(SNS_NO_ENCRYPTION, {
  id: 'cfn.sns.no-encryption',
  bad: [
    { file: 'template.yaml', code: template('Runs', 'AWS::SNS::Topic', 'TopicName: pipeline-runs') },
  ],
  good: [
    { file: 'template.yaml', code: template('Runs', 'AWS::SNS::Topic', 'TopicName: pipeline-runs\nKmsMasterKeyId: alias/pipeline') },
  ],
  types: ['AWS::SNS::Topic'],
  path: ['KmsMasterKeyId'],
  insecure: isEmpty,
  missingIsInsecure: true,
  message: 'SNS topic is not encrypted (no KmsMasterKeyId)',
});
