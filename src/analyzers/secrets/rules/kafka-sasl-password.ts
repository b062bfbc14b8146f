import { namedLiteral, QUOTED_CHAR, VALUE_CHAR } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const kafkaSaslPassword = secretRule({
  id: 'secret.kafka-sasl-password',
  title: 'Kafka client SASL password',
  severity: 'high',
  cwe: ['CWE-798', 'CWE-259'],
  what: 'Finds Kafka client SASL passwords set as sasl.password (librdkafka / confluent-kafka), sasl_plain_password (kafka-python) or KAFKA_SASL_PASSWORD.',
  why: 'The credential reads and writes every topic its ACLs allow — the raw event streams of the pipeline.',
  remediation: 'Rotate the credential and read it from the environment or a secret store when building the client config.',
  anchors: ['sasl.password', 'sasl_password', 'sasl_plain_password', 'sasl.plain.password'],
  pattern: namedLiteral(String.raw`sasl[._](?:plain[._])?password`, `${QUOTED_CHAR}{6,}`, `${VALUE_CHAR}{6,}`),
  bad: [{ file: 'stream/consumer.py', code: "conf = {'bootstrap.servers': BROKERS, 'sasl.mechanisms': 'PLAIN', 'sasl.username': 'ETLCONSUMER01', 'sasl.password': 'KafkaS4slPassw0rd'}\n" }],
  good: [{ file: 'stream/consumer.py', code: "conf = {'bootstrap.servers': BROKERS, 'sasl.mechanisms': 'PLAIN', 'sasl.username': USER, 'sasl.password': os.environ['KAFKA_PASSWORD']}\n" }],
  references: ['https://github.com/confluentinc/librdkafka/blob/master/CONFIGURATION.md', 'https://cwe.mitre.org/data/definitions/259.html'],
});
