import { SAGEMAKER_ROOT_ACCESS } from '../../cloud-rules/checks/exposure.js';
import { isNoneOf, propertyRule } from '../../cloud-rules/expect.js';
import { NOTEBOOK, HARDENED } from './sagemaker-examples.js';

export const tfSagemakerRootAccess = propertyRule(SAGEMAKER_ROOT_ACCESS, {
  id: 'tf.sagemaker.notebook-root-access',
  bad: [{ file: 'main.tf', code: `${NOTEBOOK}  root_access = "Enabled"\n}\n` }],
  good: [{ file: 'main.tf', code: HARDENED }],
  types: ['aws_sagemaker_notebook_instance'],
  path: ['root_access'],
  insecure: isNoneOf('disabled'),
  missingIsInsecure: true,
  message: 'SageMaker notebook gives users root access',
});
