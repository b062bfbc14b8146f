import { GLUE_SECURITY_CONFIGURATION_DISABLED } from '../../cloud-rules/checks/at-rest.js';
import { cloudRule } from '../../cloud-rules/expect.js';
import { get, getAll, str } from '../../cloud-rules/model.js';
import { template } from './example.js';

const MODES = [
  ['S3Encryptions', 'S3EncryptionMode'],
  ['CloudWatchEncryption', 'CloudWatchEncryptionMode'],
  ['JobBookmarksEncryption', 'JobBookmarksEncryptionMode'],
] as const;

export const cfnGlueEncryptionDisabled = cloudRule(GLUE_SECURITY_CONFIGURATION_DISABLED, {
  id: 'cfn.glue.encryption-disabled',
  bad: [
    {
      file: 'template.yaml',
      code: template('PipelineSecurity', 'AWS::Glue::SecurityConfiguration', 'Name: pipeline\nEncryptionConfiguration:\n  S3Encryptions:\n    - S3EncryptionMode: DISABLED'),
    },
  ],
  good: [
    {
      file: 'template.yaml',
      code: template(
        'PipelineSecurity',
        'AWS::Glue::SecurityConfiguration',
        'Name: pipeline\nEncryptionConfiguration:\n  S3Encryptions:\n    - S3EncryptionMode: SSE-KMS\n      KmsKeyArn: !GetAtt DataKey.Arn\n' +
          '  CloudWatchEncryption:\n    CloudWatchEncryptionMode: SSE-KMS\n    KmsKeyArn: !GetAtt DataKey.Arn\n  JobBookmarksEncryption:\n    JobBookmarksEncryptionMode: CSE-KMS\n    KmsKeyArn: !GetAtt DataKey.Arn',
      ),
    },
  ],
  check(ctx) {
    for (const r of ctx.ofType('AWS::Glue::SecurityConfiguration')) {
      const config = get(r.body, 'EncryptionConfiguration');
      for (const [block, attribute] of MODES) {
        const modes = getAll(config, block, attribute);
        const disabled = modes.length === 0 ? [undefined] : modes.filter((m) => str(m)?.toUpperCase() === 'DISABLED');
        for (const mode of disabled) ctx.report(r, mode?.range ?? config?.range ?? r.range, { message: `Glue security configuration leaves ${block} disabled` });
      }
    }
  },
});
