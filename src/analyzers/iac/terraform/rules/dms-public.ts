import { DMS_PUBLIC } from '../../cloud-rules/checks/exposure.js';
import { isTrue, propertyRule } from '../../cloud-rules/expect.js';

export const tfDmsPublic = propertyRule(DMS_PUBLIC, {
  id: 'tf.dms.publicly-accessible',
  bad: [{ file: 'main.tf', code: 'resource "aws_dms_replication_instance" "cdc" {\n  replication_instance_id    = "cdc"\n  replication_instance_class = "dms.t3.medium"\n}\n' }],
  good: [{ file: 'main.tf', code: 'resource "aws_dms_replication_instance" "cdc" {\n  replication_instance_id    = "cdc"\n  replication_instance_class = "dms.t3.medium"\n  publicly_accessible        = false\n}\n' }],
  types: ['aws_dms_replication_instance'],
  path: ['publicly_accessible'],
  insecure: isTrue,
  missingIsInsecure: true,
  message: 'DMS replication instance is publicly accessible (the default when not set)',
});
