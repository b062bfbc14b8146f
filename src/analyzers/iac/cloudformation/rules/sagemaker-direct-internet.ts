import { SAGEMAKER_DIRECT_INTERNET } from '../../cloud-rules/checks/exposure.js';
import { isNoneOf, propertyRule } from '../../cloud-rules/expect.js';
import { template } from './example.js';

export const cfnSagemakerDirectInternet = propertyRule(SAGEMAKER_DIRECT_INTERNET, {
  id: 'cfn.sagemaker.notebook-direct-internet',
  bad: [
    { file: 'template.yaml', code: template('Lab', 'AWS::SageMaker::NotebookInstance', 'InstanceType: ml.t3.medium') },
  ],
  good: [
    { file: 'template.yaml', code: template('Lab', 'AWS::SageMaker::NotebookInstance', 'InstanceType: ml.t3.medium\nDirectInternetAccess: Disabled\nSubnetId: !Ref PrivateSubnet') },
  ],
  types: ['AWS::SageMaker::NotebookInstance'],
  path: ['DirectInternetAccess'],
  insecure: isNoneOf('disabled'),
  missingIsInsecure: true,
  message: 'SageMaker notebook has direct internet access',
});
