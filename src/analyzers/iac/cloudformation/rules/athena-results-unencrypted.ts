import { ATHENA_RESULTS_UNENCRYPTED } from '../../cloud-rules/checks/at-rest.js';
import { isEmpty, propertyRule } from '../../cloud-rules/expect.js';
import { template } from './example.js';

export const cfnAthenaResultsUnencrypted = propertyRule(ATHENA_RESULTS_UNENCRYPTED, {
  id: 'cfn.athena.results-unencrypted',
  bad: [{ file: 'template.yaml', code: template('Analysts', 'AWS::Athena::WorkGroup', 'Name: analysts\nWorkGroupConfiguration:\n  ResultConfiguration:\n    OutputLocation: s3://acme-athena/results/') }],
  good: [
    {
      file: 'template.yaml',
      code: template(
        'Analysts',
        'AWS::Athena::WorkGroup',
        'Name: analysts\nWorkGroupConfiguration:\n  EnforceWorkGroupConfiguration: true\n  ResultConfiguration:\n    OutputLocation: s3://acme-athena/results/\n    EncryptionConfiguration:\n      EncryptionOption: SSE_KMS\n      KmsKey: !GetAtt DataKey.Arn',
      ),
    },
  ],
  types: ['AWS::Athena::WorkGroup'],
  path: ['WorkGroupConfiguration', 'ResultConfiguration', 'EncryptionConfiguration', 'EncryptionOption'],
  insecure: isEmpty,
  missingIsInsecure: true,
  message: 'Athena workgroup does not encrypt query results',
});
