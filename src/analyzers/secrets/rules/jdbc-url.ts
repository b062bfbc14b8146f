import { secretRule } from '../secret-rule.js';

export const jdbcUrl = secretRule({
  id: 'secret.jdbc-url',
  title: 'JDBC URL with a password',
  severity: 'high',
  cwe: ['CWE-798', 'CWE-259'],
  specificity: 'structure',
  what: 'Finds JDBC URLs that carry a password: a password= / pwd= parameter (jdbc:postgresql, jdbc:sqlserver, jdbc:snowflake …) or user:password@ in the authority.',
  why: 'Spark and Kafka Connect jobs pass JDBC URLs through job configs and logs; the password in them opens the source or target database.',
  remediation: 'Change the password and supply it separately (the driver\'s password property from a secret store, or IAM authentication).',
  anchors: ['jdbc:'],
  pattern: /jdbc:[a-z0-9:]+(?:\/\/[^\s"'<>@/]{0,200}?:(?<secret>[^\s"'<>@/:]+)@|[^\s"'<>]{0,300}?[?&;:](?:password|pwd)=(?<secret2>[^&;\s"'<>]+))/i,
  bad: [
    { file: 'spark/job.conf', code: 'jdbc.url = "jdbc:postgresql://warehouse:5432/dw?user=spark&password=J0bcSecretPw"\n' },
    { file: 'connect/sink.properties', code: 'connection.url=jdbc:sqlserver://sql01:1433;databaseName=dw;user=etl;password=SqlS3rverPw\n' },
  ],
  good: [{ file: 'spark/job.conf', code: 'jdbc.url = "jdbc:postgresql://warehouse:5432/dw?user=spark"\njdbc.password = ${?WAREHOUSE_PASSWORD}\n' }],
  references: ['https://jdbc.postgresql.org/documentation/use/', 'https://learn.microsoft.com/en-us/sql/connect/jdbc/building-the-connection-url', 'https://cwe.mitre.org/data/definitions/259.html'],
});
