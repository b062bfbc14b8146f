import { MWAA_NO_KMS } from '../../cloud-rules/checks/at-rest.js';
import { isEmpty, propertyRule } from '../../cloud-rules/expect.js';
import { template } from './example.js';

export const cfnMwaaNoKms = propertyRule(MWAA_NO_KMS, {
  id: 'cfn.mwaa.no-kms',
  bad: [
    { file: 'template.yaml', code: template('Airflow', 'AWS::MWAA::Environment', 'Name: pipeline') },
  ],
  good: [
    { file: 'template.yaml', code: template('Airflow', 'AWS::MWAA::Environment', 'Name: pipeline\nKmsKey: !GetAtt DataKey.Arn') },
  ],
  types: ['AWS::MWAA::Environment'],
  path: ['KmsKey'],
  insecure: isEmpty,
  missingIsInsecure: true,
  message: 'MWAA environment does not use a customer-managed KMS key',
});
