import { GCS_NO_CMEK } from '../../cloud-rules/checks/at-rest.js';
import { isEmpty, propertyRule } from '../../cloud-rules/expect.js';

export const tfGcsNoCmek = propertyRule(GCS_NO_CMEK, {
  id: 'tf.gcs.no-cmek',
  bad: [{ file: 'main.tf', code: 'resource "google_storage_bucket" "raw" {\n  name     = "acme-raw"\n  location = "EU"\n}\n' }],
  good: [{ file: 'main.tf', code: 'resource "google_storage_bucket" "raw" {\n  name     = "acme-raw"\n  location = "EU"\n  encryption {\n    default_kms_key_name = google_kms_crypto_key.data.id\n  }\n}\n' }],
  types: ['google_storage_bucket'],
  path: ['encryption', 'default_kms_key_name'],
  insecure: isEmpty,
  missingIsInsecure: true,
  message: 'GCS bucket does not use a customer-managed encryption key',
});
