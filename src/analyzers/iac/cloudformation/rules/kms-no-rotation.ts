import { KMS_NO_ROTATION } from '../../cloud-rules/checks/exposure.js';
import { isFalse, propertyRule } from '../../cloud-rules/expect.js';
import { get, isSet, str } from '../../cloud-rules/model.js';
import { template } from './example.js';

export const cfnKmsNoRotation = propertyRule(KMS_NO_ROTATION, {
  id: 'cfn.kms.no-rotation',
  bad: [{ file: 'template.yaml', code: template('DataKey', 'AWS::KMS::Key', 'Description: pipeline data') }],
  good: [
    { file: 'template.yaml', code: template('DataKey', 'AWS::KMS::Key', 'Description: pipeline data\nEnableKeyRotation: true') },
    { file: 'template.yaml', code: template('SigningKey', 'AWS::KMS::Key', 'KeySpec: ECC_NIST_P256\nKeyUsage: SIGN_VERIFY') },
  ],
  types: ['AWS::KMS::Key'],
  path: ['EnableKeyRotation'],
  insecure: isFalse,
  missingIsInsecure: true,
  message: 'KMS key rotation is not enabled',
  // Only symmetric encryption keys can rotate automatically.
  exempt: (r) => isSet(get(r.body, 'KeySpec')) && str(get(r.body, 'KeySpec')) !== 'SYMMETRIC_DEFAULT',
});
