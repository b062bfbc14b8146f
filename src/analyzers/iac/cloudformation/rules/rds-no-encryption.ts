import { RDS_NO_ENCRYPTION } from '../../cloud-rules/checks/at-rest.js';
import { isFalse, propertyRule } from '../../cloud-rules/expect.js';
import { get, isSet, str } from '../../cloud-rules/model.js';
import { template } from './example.js';

export const cfnRdsNoEncryption = propertyRule(RDS_NO_ENCRYPTION, {
  id: 'cfn.rds.no-encryption',
  bad: [
    { file: 'template.yaml', code: template('Warehouse', 'AWS::RDS::DBInstance', 'Engine: postgres\nDBInstanceClass: db.m6g.large\nAllocatedStorage: "100"') },
  ],
  good: [
    { file: 'template.yaml', code: template('Warehouse', 'AWS::RDS::DBInstance', 'Engine: postgres\nStorageEncrypted: true\nKmsKeyId: !Ref DataKey') },
    { file: 'template.yaml', code: template('AuroraWriter', 'AWS::RDS::DBInstance', 'Engine: aurora-postgresql\nDBClusterIdentifier: !Ref Aurora') },
  ],
  types: ['AWS::RDS::DBInstance', 'AWS::RDS::DBCluster', 'AWS::DocDB::DBCluster'],
  path: ['StorageEncrypted'],
  insecure: isFalse,
  missingIsInsecure: true,
  message: 'Database storage is not encrypted (StorageEncrypted is not true)',
  // Cluster members, replicas and snapshot restores inherit encryption; Aurora Serverless v1 always encrypts.
  exempt: (r) => isSet(get(r.body, 'DBClusterIdentifier')) || isSet(get(r.body, 'SourceDBInstanceIdentifier')) || isSet(get(r.body, 'DBSnapshotIdentifier')) || isSet(get(r.body, 'SnapshotIdentifier')) || str(get(r.body, 'EngineMode')) === 'serverless',
});
