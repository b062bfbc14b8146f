import { BIGQUERY_NO_CMEK } from '../../cloud-rules/checks/at-rest.js';
import { isEmpty, propertyRule } from '../../cloud-rules/expect.js';

export const tfBigqueryNoCmek = propertyRule(BIGQUERY_NO_CMEK, {
  id: 'tf.bigquery.no-cmek',
  bad: [{ file: 'main.tf', code: 'resource "google_bigquery_dataset" "marts" {\n  dataset_id = "marts"\n  location   = "EU"\n}\n' }],
  good: [
    {
      file: 'main.tf',
      code: 'resource "google_bigquery_dataset" "marts" {\n  dataset_id = "marts"\n  location   = "EU"\n  default_encryption_configuration {\n    kms_key_name = google_kms_crypto_key.data.id\n  }\n}\n',
    },
  ],
  types: ['google_bigquery_dataset'],
  path: ['default_encryption_configuration', 'kms_key_name'],
  insecure: isEmpty,
  missingIsInsecure: true,
  message: 'BigQuery dataset does not use a customer-managed encryption key',
});
