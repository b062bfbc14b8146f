import { REDSHIFT_NO_ENCRYPTION } from '../../cloud-rules/checks/at-rest.js';
import { isFalse, propertyRule } from '../../cloud-rules/expect.js';

export const tfRedshiftNoEncryption = propertyRule(REDSHIFT_NO_ENCRYPTION, {
  id: 'tf.redshift.no-encryption',
  bad: [{ file: 'main.tf', code: 'resource "aws_redshift_cluster" "dw" {\n  cluster_identifier = "dw"\n  node_type          = "ra3.xlplus"\n}\n' }],
  good: [{ file: 'main.tf', code: 'resource "aws_redshift_cluster" "dw" {\n  cluster_identifier = "dw"\n  encrypted          = true\n  kms_key_id         = aws_kms_key.data.arn\n}\n' }],
  types: ['aws_redshift_cluster'],
  path: ['encrypted'],
  insecure: isFalse,
  missingIsInsecure: true,
  message: 'Redshift cluster is not encrypted (encrypted is not true)',
});
