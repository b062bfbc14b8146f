import { ATHENA_RESULTS_UNENCRYPTED } from '../../cloud-rules/checks/at-rest.js';
import { cloudRule } from '../../cloud-rules/expect.js';
import { get, isUnset } from '../../cloud-rules/model.js';

export const tfAthenaResultsUnencrypted = cloudRule(ATHENA_RESULTS_UNENCRYPTED, {
  id: 'tf.athena.results-unencrypted',
  bad: [
    {
      file: 'main.tf',
      code: 'resource "aws_athena_workgroup" "analysts" {\n  name = "analysts"\n  configuration {\n    result_configuration {\n      output_location = "s3://acme-athena/results/"\n    }\n  }\n}\n',
    },
  ],
  good: [
    {
      file: 'main.tf',
      code:
        'resource "aws_athena_workgroup" "analysts" {\n  name = "analysts"\n  configuration {\n    enforce_workgroup_configuration = true\n    result_configuration {\n' +
        '      output_location = "s3://acme-athena/results/"\n      encryption_configuration {\n        encryption_option = "SSE_KMS"\n        kms_key_arn       = aws_kms_key.data.arn\n      }\n    }\n  }\n}\n',
    },
  ],
  check(ctx) {
    for (const r of ctx.ofType('aws_athena_workgroup')) {
      const result = get(r.body, 'configuration', 'result_configuration');
      if (result?.kind === 'unknown') continue;
      if (isUnset(get(result, 'encryption_configuration'))) ctx.report(r, result?.range ?? r.range, { message: 'Athena workgroup does not encrypt query results' });
    }
  },
});
