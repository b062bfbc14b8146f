import { RDS_NO_ENCRYPTION } from '../../cloud-rules/checks/at-rest.js';
import { isFalse, propertyRule } from '../../cloud-rules/expect.js';
import { get, isSet, str } from '../../cloud-rules/model.js';

export const tfRdsNoEncryption = propertyRule(RDS_NO_ENCRYPTION, {
  id: 'tf.rds.no-encryption',
  bad: [{ file: 'main.tf', code: 'resource "aws_db_instance" "warehouse" {\n  engine            = "postgres"\n  instance_class    = "db.m6g.large"\n  allocated_storage = 100\n}\n' }],
  good: [
    { file: 'main.tf', code: 'resource "aws_db_instance" "warehouse" {\n  engine            = "postgres"\n  storage_encrypted = true\n  kms_key_id        = aws_kms_key.data.arn\n}\n' },
    { file: 'main.tf', code: 'resource "aws_db_instance" "replica" {\n  replicate_source_db = aws_db_instance.warehouse.identifier\n}\n' },
  ],
  types: ['aws_db_instance', 'aws_rds_cluster', 'aws_docdb_cluster'],
  path: ['storage_encrypted'],
  insecure: isFalse,
  missingIsInsecure: true,
  message: 'Database storage is not encrypted (storage_encrypted is not true)',
  // Replicas and snapshot restores inherit their source's encryption; Aurora Serverless v1 always encrypts.
  exempt: (r) => isSet(get(r.body, 'replicate_source_db')) || isSet(get(r.body, 'snapshot_identifier')) || str(get(r.body, 'engine_mode')) === 'serverless',
});
