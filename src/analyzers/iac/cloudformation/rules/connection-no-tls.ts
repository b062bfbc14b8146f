import { reportCleartextConnections } from '../../cloud-rules/cleartext-connections.js';
import { SSLMODE_DISABLED } from '../../cloud-rules/checks/transport.js';
import { cloudRule } from '../../cloud-rules/expect.js';
import { template } from './example.js';

export const cfnConnectionNoTls = cloudRule(SSLMODE_DISABLED, {
  id: 'cfn.connection.no-tls',
  bad: [
    {
      file: 'template.yaml',
      code: template('Orders', 'AWS::Glue::Connection', 'CatalogId: !Ref AWS::AccountId\nConnectionInput:\n  ConnectionType: JDBC\n  ConnectionProperties:\n    JDBC_CONNECTION_URL: jdbc:postgresql://orders.internal:5432/orders?sslmode=disable'),
    },
    { file: 'template.yaml', code: `Parameters:\n  DbHost:\n    Type: String\n${template('Dsn', 'AWS::SSM::Parameter', 'Type: String\nValue: !Sub "postgresql://loader@${DbHost}/dw?sslmode=allow"')}` },
  ],
  good: [
    {
      file: 'template.yaml',
      code: template('Orders', 'AWS::Glue::Connection', 'ConnectionInput:\n  ConnectionType: JDBC\n  ConnectionProperties:\n    JDBC_CONNECTION_URL: jdbc:postgresql://orders.internal:5432/orders?sslmode=verify-full'),
    },
  ],
  check: reportCleartextConnections,
});
