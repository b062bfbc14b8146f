import { EMR_NO_ENCRYPTION } from '../../cloud-rules/checks/at-rest.js';
import { emrEncryptionGaps } from '../../cloud-rules/checks/emr.js';
import { cloudRule, expectProperty, isEmpty } from '../../cloud-rules/expect.js';
import { get } from '../../cloud-rules/model.js';
import { template } from './example.js';

export const cfnEmrNoEncryption = cloudRule(EMR_NO_ENCRYPTION, {
  id: 'cfn.emr.no-encryption',
  bad: [
    { file: 'template.yaml', code: template('Spark', 'AWS::EMR::Cluster', 'Name: spark\nReleaseLabel: emr-7.1.0') },
    {
      file: 'template.yaml',
      code: template('SparkSecurity', 'AWS::EMR::SecurityConfiguration', 'SecurityConfiguration:\n  EncryptionConfiguration:\n    EnableAtRestEncryption: false\n    EnableInTransitEncryption: true'),
    },
  ],
  good: [{ file: 'template.yaml', code: template('Spark', 'AWS::EMR::Cluster', 'Name: spark\nReleaseLabel: emr-7.1.0\nSecurityConfiguration: !Ref SparkSecurity') }],
  check(ctx) {
    expectProperty(ctx, { types: ['AWS::EMR::Cluster'], path: ['SecurityConfiguration'], insecure: isEmpty, missingIsInsecure: true, message: 'EMR cluster has no security configuration' });
    for (const r of ctx.ofType('AWS::EMR::SecurityConfiguration')) {
      const config = get(r.body, 'SecurityConfiguration');
      const gaps = emrEncryptionGaps(config);
      if (gaps.length > 0) ctx.report(r, config?.range ?? r.range, { message: `EMR security configuration turns off ${gaps.join(' and ')}` });
    }
  },
});
