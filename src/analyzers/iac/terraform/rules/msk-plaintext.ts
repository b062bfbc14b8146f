import { MSK_PLAINTEXT } from '../../cloud-rules/checks/transport.js';
import { cloudRule, expectProperty, isFalse, isOneOf } from '../../cloud-rules/expect.js';

const TRANSIT = ['encryption_info', 'encryption_in_transit'];

export const tfMskPlaintext = cloudRule(MSK_PLAINTEXT, {
  id: 'tf.msk.plaintext',
  bad: [
    {
      file: 'main.tf',
      code: 'resource "aws_msk_cluster" "events" {\n  cluster_name  = "events"\n  kafka_version = "3.6.0"\n  encryption_info {\n    encryption_in_transit {\n      client_broker = "TLS_PLAINTEXT"\n    }\n  }\n}\n',
    },
  ],
  good: [
    {
      file: 'main.tf',
      code: 'resource "aws_msk_cluster" "events" {\n  cluster_name  = "events"\n  kafka_version = "3.6.0"\n  encryption_info {\n    encryption_in_transit {\n      client_broker = "TLS"\n      in_cluster    = true\n    }\n  }\n}\n',
    },
  ],
  check(ctx) {
    const base = { types: ['aws_msk_cluster'], missingIsInsecure: false };
    expectProperty(ctx, { ...base, path: [...TRANSIT, 'client_broker'], insecure: isOneOf('plaintext', 'tls_plaintext'), message: 'MSK cluster accepts plaintext client connections' });
    expectProperty(ctx, { ...base, path: [...TRANSIT, 'in_cluster'], insecure: isFalse, message: 'MSK cluster turns off encryption between brokers' });
  },
});
