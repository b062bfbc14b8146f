import { MWAA_NO_KMS } from '../../cloud-rules/checks/at-rest.js';
import { isEmpty, propertyRule } from '../../cloud-rules/expect.js';
import { ENV } from './mwaa-examples.js';

export const tfMwaaNoKms = propertyRule(MWAA_NO_KMS, {
  id: 'tf.mwaa.no-kms',
  bad: [{ file: 'main.tf', code: `${ENV}}\n` }],
  good: [{ file: 'main.tf', code: `${ENV}  kms_key = aws_kms_key.data.arn\n}\n` }],
  types: ['aws_mwaa_environment'],
  path: ['kms_key'],
  insecure: isEmpty,
  missingIsInsecure: true,
  message: 'MWAA environment does not use a customer-managed KMS key',
});
