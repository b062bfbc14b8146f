import { SAGEMAKER_NOTEBOOK_NO_KMS } from '../../cloud-rules/checks/at-rest.js';
import { isEmpty, propertyRule } from '../../cloud-rules/expect.js';
import { template } from './example.js';

export const cfnSagemakerNotebookNoKms = propertyRule(SAGEMAKER_NOTEBOOK_NO_KMS, {
  id: 'cfn.sagemaker.notebook-no-kms',
  bad: [
    { file: 'template.yaml', code: template('Lab', 'AWS::SageMaker::NotebookInstance', 'InstanceType: ml.t3.medium\nRoleArn: !GetAtt LabRole.Arn') },
  ],
  good: [
    { file: 'template.yaml', code: template('Lab', 'AWS::SageMaker::NotebookInstance', 'InstanceType: ml.t3.medium\nKmsKeyId: !Ref DataKey') },
  ],
  types: ['AWS::SageMaker::NotebookInstance'],
  path: ['KmsKeyId'],
  insecure: isEmpty,
  missingIsInsecure: true,
  message: 'SageMaker notebook volume is not encrypted with a KMS key',
});
