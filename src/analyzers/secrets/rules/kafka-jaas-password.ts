import { secretRule } from '../secret-rule.js';

export const kafkaJaasPassword = secretRule({
  id: 'secret.kafka-jaas-password',
  title: 'Kafka SASL JAAS configuration with a password',
  severity: 'high',
  cwe: ['CWE-798', 'CWE-259'],
  what: 'Finds Kafka sasl.jaas.config values (PlainLoginModule, ScramLoginModule) with a literal password="…".',
  why: 'These credentials read and write the topics the pipeline streams — events, CDC feeds with personal data — and on Confluent Cloud the username/password is an API key and secret.',
  remediation: 'Rotate the SASL credential (or Confluent API key), and reference it through a config provider (${file:…}, ${env:…}) or a secret store.',
  anchors: ['loginmodule'],
  pattern: /LoginModule\s+required[^;]{0,500}?password\s*=\s*\\?["'](?<secret>[^"'\\\s]+)\\?["']/i,
  bad: [
    {
      file: 'connect/worker.properties',
      code: 'sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="ETLCONNECT01" password="EWMmZEwXXRTk/IoFfjsSQDUzEGrkAISd/4zSPQJItRa2VnuiS8Tnu6f8PLuTclA6";\n',
    },
  ],
  good: [
    {
      file: 'connect/worker.properties',
      code: 'config.providers=env\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="${env:KAFKA_USER}" password="${env:KAFKA_PASSWORD}";\n',
    },
  ],
  references: ['https://kafka.apache.org/documentation/#security_sasl_plain', 'https://cwe.mitre.org/data/definitions/259.html'],
});
