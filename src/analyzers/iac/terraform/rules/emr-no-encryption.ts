import { EMR_NO_ENCRYPTION } from '../../cloud-rules/checks/at-rest.js';
import { emrEncryptionGaps } from '../../cloud-rules/checks/emr.js';
import { cloudRule, expectProperty, isEmpty } from '../../cloud-rules/expect.js';
import { get } from '../../cloud-rules/model.js';

export const tfEmrNoEncryption = cloudRule(EMR_NO_ENCRYPTION, {
  id: 'tf.emr.no-encryption',
  bad: [
    { file: 'main.tf', code: 'resource "aws_emr_cluster" "spark" {\n  name          = "spark"\n  release_label = "emr-7.1.0"\n  service_role  = aws_iam_role.emr.arn\n}\n' },
    {
      file: 'main.tf',
      code: 'resource "aws_emr_security_configuration" "spark" {\n  configuration = jsonencode({\n    EncryptionConfiguration = { EnableAtRestEncryption = false, EnableInTransitEncryption = false }\n  })\n}\n',
    },
  ],
  good: [
    { file: 'main.tf', code: 'resource "aws_emr_cluster" "spark" {\n  name                   = "spark"\n  release_label          = "emr-7.1.0"\n  security_configuration = aws_emr_security_configuration.spark.name\n}\n' },
  ],
  check(ctx) {
    expectProperty(ctx, { types: ['aws_emr_cluster'], path: ['security_configuration'], insecure: isEmpty, missingIsInsecure: true, message: 'EMR cluster has no security configuration' });
    for (const r of ctx.ofType('aws_emr_security_configuration')) {
      const config = get(r.body, 'configuration');
      const gaps = emrEncryptionGaps(config);
      if (gaps.length > 0) ctx.report(r, config?.range ?? r.range, { message: `EMR security configuration turns off ${gaps.join(' and ')}` });
    }
  },
});
