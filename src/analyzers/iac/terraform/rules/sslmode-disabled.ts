import { reportCleartextConnections } from '../../cloud-rules/cleartext-connections.js';
import { SSLMODE_DISABLED } from '../../cloud-rules/checks/transport.js';
import { cloudRule } from '../../cloud-rules/expect.js';

export const tfSslmodeDisabled = cloudRule(SSLMODE_DISABLED, {
  id: 'tf.connection.no-tls',
  bad: [
    {
      file: 'main.tf',
      code:
        'resource "aws_glue_connection" "orders" {\n  name = "orders"\n  connection_properties = {\n' +
        '    JDBC_CONNECTION_URL = "jdbc:postgresql://orders.internal:5432/orders?sslmode=disable"\n    USERNAME = "loader"\n  }\n}\n',
    },
    { file: 'main.tf', code: 'resource "aws_ssm_parameter" "dsn" {\n  name  = "/etl/dsn"\n  type  = "SecureString"\n  value = "postgresql://loader@${var.host}/dw?sslmode=prefer"\n}\n' },
  ],
  good: [
    {
      file: 'main.tf',
      code:
        'resource "aws_glue_connection" "orders" {\n  name = "orders"\n  connection_properties = {\n' +
        '    JDBC_CONNECTION_URL = "jdbc:postgresql://orders.internal:5432/orders?sslmode=verify-full"\n    JDBC_ENFORCE_SSL = "true"\n  }\n}\n',
    },
  ],
  check: reportCleartextConnections,
});
