import { REDSHIFT_NO_ENCRYPTION } from '../../cloud-rules/checks/at-rest.js';
import { isFalse, propertyRule } from '../../cloud-rules/expect.js';
import { template } from './example.js';

export const cfnRedshiftNoEncryption = propertyRule(REDSHIFT_NO_ENCRYPTION, {
  id: 'cfn.redshift.no-encryption',
  bad: [
    { file: 'template.yaml', code: template('Dw', 'AWS::Redshift::Cluster', 'NodeType: ra3.xlplus\nClusterType: multi-node') },
  ],
  good: [
    { file: 'template.yaml', code: template('Dw', 'AWS::Redshift::Cluster', 'NodeType: ra3.xlplus\nEncrypted: true\nKmsKeyId: !Ref DataKey') },
  ],
  types: ['AWS::Redshift::Cluster'],
  path: ['Encrypted'],
  insecure: isFalse,
  missingIsInsecure: true,
  message: 'Redshift cluster is not encrypted (Encrypted is not true)',
});
