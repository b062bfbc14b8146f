import { DB_BACKUPS_DISABLED } from '../../cloud-rules/checks/exposure.js';
import { cloudRule, expectProperty } from '../../cloud-rules/expect.js';
import { num, type Value } from '../../cloud-rules/model.js';
import { template } from './example.js';

export const cfnDbBackupsDisabled = cloudRule(DB_BACKUPS_DISABLED, {
  id: 'cfn.db.backups-disabled',
  bad: [
    { file: 'template.yaml', code: template('Warehouse', 'AWS::RDS::DBInstance', 'Engine: postgres\nBackupRetentionPeriod: 0') },
    { file: 'template.yaml', code: template('Dw', 'AWS::Redshift::Cluster', 'NodeType: ra3.xlplus\nAutomatedSnapshotRetentionPeriod: 0') },
  ],
  good: [{ file: 'template.yaml', code: template('Warehouse', 'AWS::RDS::DBInstance', 'Engine: postgres\nBackupRetentionPeriod: 14') }],
  check(ctx) {
    const off = { insecure: (v: Value) => num(v) === 0, missingIsInsecure: false, message: 'Automated backups are turned off (retention 0)' };
    expectProperty(ctx, { types: ['AWS::RDS::DBInstance'], path: ['BackupRetentionPeriod'], ...off });
    expectProperty(ctx, { types: ['AWS::Redshift::Cluster'], path: ['AutomatedSnapshotRetentionPeriod'], ...off });
  },
});
