import { assigned } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const confluentApiSecret = secretRule({
  id: 'secret.confluent-api-secret',
  title: 'Confluent Cloud API secret',
  severity: 'high',
  what: 'Finds 64-character Confluent Cloud API secrets assigned to names such as CONFLUENT_CLOUD_API_SECRET or confluent_api_secret.',
  why: 'A cloud API key manages the organisation\'s clusters, connectors and service accounts; a cluster key reads and writes its topics.',
  remediation: 'Delete the API key in Confluent Cloud (confluent api-key delete) and create a new one held in a secret store.',
  anchors: ['confluent', 'cloud_api_secret'],
  pattern: assigned(String.raw`(?:confluent|cloud)[\w.-]{0,40}?(?:api)?[_-]?secret`, '[A-Za-z0-9+/]{64}', 'i'),
  bad: [{ file: 'terraform/confluent.auto.tfvars', code: 'confluent_cloud_api_key    = "ETLKEY0123456789"\nconfluent_cloud_api_secret = "EWMmZEwXXRTk/IoFfjsSQDUzEGrkAISd/4zSPQJItRa2VnuiS8Tnu6f8PLuTclA6"\n' }],
  good: [{ file: 'terraform/confluent.auto.tfvars', code: '# confluent_cloud_api_secret comes from TF_VAR_confluent_cloud_api_secret in CI\n' }],
  references: ['https://docs.confluent.io/cloud/current/security/authenticate/workload-identities/service-accounts/api-keys/overview.html', 'https://cwe.mitre.org/data/definitions/798.html'],
});
