import { GCS_PUBLIC } from '../../cloud-rules/checks/exposure.js';
import { cloudRule } from '../../cloud-rules/expect.js';
import { reportPublicMembers } from './gcp-public.js';

export const tfGcsPublic = cloudRule(GCS_PUBLIC, {
  id: 'tf.gcs.public',
  bad: [
    { file: 'main.tf', code: 'resource "google_storage_bucket_iam_member" "public" {\n  bucket = google_storage_bucket.exports.name\n  role   = "roles/storage.objectViewer"\n  member = "allUsers"\n}\n' },
    { file: 'main.tf', code: 'resource "google_storage_bucket_acl" "raw" {\n  bucket      = "acme-raw"\n  role_entity = ["READER:allAuthenticatedUsers"]\n}\n' },
  ],
  good: [
    {
      file: 'main.tf',
      code: 'resource "google_storage_bucket_iam_member" "loader" {\n  bucket = google_storage_bucket.exports.name\n  role   = "roles/storage.objectViewer"\n  member = "serviceAccount:loader@acme.iam.gserviceaccount.com"\n}\n',
    },
  ],
  check(ctx) {
    reportPublicMembers(
      ctx,
      ['google_storage_bucket_iam_member', 'google_storage_bucket_iam_binding', 'google_storage_bucket_access_control', 'google_storage_bucket_acl', 'google_storage_default_object_access_control', 'google_storage_object_access_control', 'google_storage_default_object_acl'],
      [['member'], ['members'], ['entity'], ['role_entity']],
      'GCS bucket access',
    );
  },
});
