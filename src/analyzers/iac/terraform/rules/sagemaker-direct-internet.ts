import { SAGEMAKER_DIRECT_INTERNET } from '../../cloud-rules/checks/exposure.js';
import { isNoneOf, propertyRule } from '../../cloud-rules/expect.js';
import { NOTEBOOK, HARDENED } from './sagemaker-examples.js';

export const tfSagemakerDirectInternet = propertyRule(SAGEMAKER_DIRECT_INTERNET, {
  id: 'tf.sagemaker.notebook-direct-internet',
  bad: [{ file: 'main.tf', code: `${NOTEBOOK}}\n` }],
  good: [{ file: 'main.tf', code: HARDENED }],
  types: ['aws_sagemaker_notebook_instance'],
  path: ['direct_internet_access'],
  insecure: isNoneOf('disabled'),
  missingIsInsecure: true,
  message: 'SageMaker notebook has direct internet access',
});
