import { DB_PUBLIC } from '../../cloud-rules/checks/exposure.js';
import { isTrue, propertyRule } from '../../cloud-rules/expect.js';
import { template } from './example.js';

export const cfnDbPublic = propertyRule(DB_PUBLIC, {
  id: 'cfn.db.publicly-accessible',
  bad: [
    { file: 'template.yaml', code: template('Warehouse', 'AWS::RDS::DBInstance', 'Engine: postgres\nPubliclyAccessible: true') },
    { file: 'template.yaml', code: template('Dw', 'AWS::Redshift::Cluster', 'NodeType: ra3.xlplus\nPubliclyAccessible: "true"') },
  ],
  good: [
    { file: 'template.yaml', code: template('Warehouse', 'AWS::RDS::DBInstance', 'Engine: postgres\nPubliclyAccessible: false') },
  ],
  types: ['AWS::RDS::DBInstance', 'AWS::Redshift::Cluster', 'AWS::RedshiftServerless::Workgroup'],
  path: ['PubliclyAccessible'],
  insecure: isTrue,
  missingIsInsecure: false,
  message: 'Database or warehouse is publicly accessible',
});
