import { BIGQUERY_PUBLIC } from '../../cloud-rules/checks/exposure.js';
import { cloudRule } from '../../cloud-rules/expect.js';
import { reportPublicMembers } from './gcp-public.js';

export const tfBigqueryPublic = cloudRule(BIGQUERY_PUBLIC, {
  id: 'tf.bigquery.public',
  bad: [
    { file: 'main.tf', code: 'resource "google_bigquery_dataset" "marts" {\n  dataset_id = "marts"\n  access {\n    role          = "READER"\n    special_group = "allAuthenticatedUsers"\n  }\n}\n' },
    { file: 'main.tf', code: 'resource "google_bigquery_table_iam_member" "public" {\n  dataset_id = "marts"\n  table_id   = "orders"\n  role       = "roles/bigquery.dataViewer"\n  member     = "allUsers"\n}\n' },
  ],
  good: [{ file: 'main.tf', code: 'resource "google_bigquery_dataset" "marts" {\n  dataset_id = "marts"\n  access {\n    role           = "READER"\n    group_by_email = "analysts@acme.com"\n  }\n}\n' }],
  check(ctx) {
    reportPublicMembers(
      ctx,
      ['google_bigquery_dataset', 'google_bigquery_dataset_access', 'google_bigquery_dataset_iam_member', 'google_bigquery_dataset_iam_binding', 'google_bigquery_table_iam_member', 'google_bigquery_table_iam_binding'],
      [['access', 'special_group'], ['access', 'iam_member'], ['special_group'], ['iam_member'], ['member'], ['members']],
      'BigQuery data',
    );
  },
});
