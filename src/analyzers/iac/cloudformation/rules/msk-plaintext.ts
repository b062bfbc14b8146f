import { MSK_PLAINTEXT } from '../../cloud-rules/checks/transport.js';
import { cloudRule, expectProperty, isFalse, isOneOf } from '../../cloud-rules/expect.js';
import { template } from './example.js';

const TRANSIT = ['EncryptionInfo', 'EncryptionInTransit'];

export const cfnMskPlaintext = cloudRule(MSK_PLAINTEXT, {
  id: 'cfn.msk.plaintext',
  bad: [{ file: 'template.yaml', code: template('Events', 'AWS::MSK::Cluster', 'ClusterName: events\nEncryptionInfo:\n  EncryptionInTransit:\n    ClientBroker: PLAINTEXT') }],
  good: [{ file: 'template.yaml', code: template('Events', 'AWS::MSK::Cluster', 'ClusterName: events\nEncryptionInfo:\n  EncryptionInTransit:\n    ClientBroker: TLS\n    InCluster: true') }],
  check(ctx) {
    const base = { types: ['AWS::MSK::Cluster'], missingIsInsecure: false };
    expectProperty(ctx, { ...base, path: [...TRANSIT, 'ClientBroker'], insecure: isOneOf('plaintext', 'tls_plaintext'), message: 'MSK cluster accepts plaintext client connections' });
    expectProperty(ctx, { ...base, path: [...TRANSIT, 'InCluster'], insecure: isFalse, message: 'MSK cluster turns off encryption between brokers' });
  },
});
