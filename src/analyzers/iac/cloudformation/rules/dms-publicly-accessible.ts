import { DMS_PUBLIC } from '../../cloud-rules/checks/exposure.js';
import { isTrue, propertyRule } from '../../cloud-rules/expect.js';
import { template } from './example.js';

export const cfnDmsPublic = propertyRule(DMS_PUBLIC, {
  id: 'cfn.dms.publicly-accessible',
  bad: [
    { file: 'template.yaml', code: template('Cdc', 'AWS::DMS::ReplicationInstance', 'ReplicationInstanceClass: dms.t3.medium') },
  ],
  good: [
    { file: 'template.yaml', code: template('Cdc', 'AWS::DMS::ReplicationInstance', 'ReplicationInstanceClass: dms.t3.medium\nPubliclyAccessible: false') },
  ],
  types: ['AWS::DMS::ReplicationInstance'],
  path: ['PubliclyAccessible'],
  insecure: isTrue,
  missingIsInsecure: true,
  message: 'DMS replication instance is publicly accessible (the default when not set)',
});
