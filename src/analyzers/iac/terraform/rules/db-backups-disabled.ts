import { DB_BACKUPS_DISABLED } from '../../cloud-rules/checks/exposure.js';
import { cloudRule, expectProperty } from '../../cloud-rules/expect.js';
import { num } from '../../cloud-rules/model.js';

export const tfDbBackupsDisabled = cloudRule(DB_BACKUPS_DISABLED, {
  id: 'tf.db.backups-disabled',
  bad: [
    { file: 'main.tf', code: 'resource "aws_db_instance" "warehouse" {\n  engine                  = "postgres"\n  backup_retention_period = 0\n}\n' },
    { file: 'main.tf', code: 'resource "aws_redshift_cluster" "dw" {\n  cluster_identifier                  = "dw"\n  automated_snapshot_retention_period = 0\n}\n' },
  ],
  good: [{ file: 'main.tf', code: 'resource "aws_db_instance" "warehouse" {\n  engine                  = "postgres"\n  backup_retention_period = 14\n}\n' }],
  check(ctx) {
    const off = { insecure: (v: Parameters<typeof num>[0]) => num(v) === 0, missingIsInsecure: false, message: 'Automated backups are turned off (retention 0)' };
    expectProperty(ctx, { types: ['aws_db_instance'], path: ['backup_retention_period'], ...off });
    expectProperty(ctx, { types: ['aws_redshift_cluster'], path: ['automated_snapshot_retention_period'], ...off });
  },
});
