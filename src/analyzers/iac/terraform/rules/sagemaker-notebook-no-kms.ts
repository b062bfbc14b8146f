import { SAGEMAKER_NOTEBOOK_NO_KMS } from '../../cloud-rules/checks/at-rest.js';
import { isEmpty, propertyRule } from '../../cloud-rules/expect.js';
import { NOTEBOOK, HARDENED } from './sagemaker-examples.js';

export const tfSagemakerNotebookNoKms = propertyRule(SAGEMAKER_NOTEBOOK_NO_KMS, {
  id: 'tf.sagemaker.notebook-no-kms',
  bad: [{ file: 'main.tf', code: `${NOTEBOOK}}\n` }],
  good: [{ file: 'main.tf', code: HARDENED }],
  types: ['aws_sagemaker_notebook_instance'],
  path: ['kms_key_id'],
  insecure: isEmpty,
  missingIsInsecure: true,
  message: 'SageMaker notebook volume is not encrypted with a KMS key',
});
