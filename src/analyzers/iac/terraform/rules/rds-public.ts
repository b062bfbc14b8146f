import { DB_PUBLIC } from '../../cloud-rules/checks/exposure.js';
import { isTrue, propertyRule } from '../../cloud-rules/expect.js';

export const tfDbPublic = propertyRule(DB_PUBLIC, {
  id: 'tf.db.publicly-accessible',
  bad: [
    { file: 'main.tf', code: 'resource "aws_db_instance" "warehouse" {\n  engine              = "postgres"\n  publicly_accessible = true\n}\n' },
    { file: 'main.tf', code: 'resource "aws_redshift_cluster" "dw" {\n  cluster_identifier  = "dw"\n  publicly_accessible = true\n}\n' },
  ],
  good: [{ file: 'main.tf', code: 'resource "aws_db_instance" "warehouse" {\n  engine              = "postgres"\n  publicly_accessible = false\n}\n' }],
  types: ['aws_db_instance', 'aws_rds_cluster_instance', 'aws_redshift_cluster', 'aws_redshiftserverless_workgroup'],
  path: ['publicly_accessible'],
  insecure: isTrue,
  missingIsInsecure: false,
  message: 'Database or warehouse is publicly accessible',
});
