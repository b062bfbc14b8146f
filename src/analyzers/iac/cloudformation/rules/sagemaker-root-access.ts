import { SAGEMAKER_ROOT_ACCESS } from '../../cloud-rules/checks/exposure.js';
import { isNoneOf, propertyRule } from '../../cloud-rules/expect.js';
import { template } from './example.js';

export const cfnSagemakerRootAccess = propertyRule(SAGEMAKER_ROOT_ACCESS, {
  id: 'cfn.sagemaker.notebook-root-access',
  bad: [
    { file: 'template.yaml', code: template('Lab', 'AWS::SageMaker::NotebookInstance', 'InstanceType: ml.t3.medium\nRootAccess: Enabled') },
  ],
  good: [
    { file: 'template.yaml', code: template('Lab', 'AWS::SageMaker::NotebookInstance', 'InstanceType: ml.t3.medium\nRootAccess: Disabled') },
  ],
  types: ['AWS::SageMaker::NotebookInstance'],
  path: ['RootAccess'],
  insecure: isNoneOf('disabled'),
  missingIsInsecure: true,
  message: 'SageMaker notebook gives users root access',
});
