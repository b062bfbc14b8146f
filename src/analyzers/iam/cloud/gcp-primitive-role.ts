import type { CloudRule } from '../../iac/cloud-rules/rule.js';
import { gcpRoleGrants, grantees } from './gcp-role-grants.js';

/** The basic roles that predate IAM: every permission (owner) or nearly every write (editor) in their scope. */
const PRIMITIVE_ROLES = new Set(['roles/owner', 'roles/editor']);

export const gcpPrimitiveRole: CloudRule = {
  id: 'iam.gcp-primitive-role',
  title: 'GCP project, folder or organization grants the owner or editor role',
  category: 'iam',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-269'],
  what:
    'Finds Terraform bindings, members and policies of GCP projects, folders and organizations that grant the basic ' +
    'roles roles/owner or roles/editor.',
  why:
    'Owner and editor cover almost every service in the scope: a pipeline service account holding one can read every ' +
    'dataset, rewrite BigQuery tables and Cloud Storage buckets, and (owner) change who has access. Any code ' +
    'execution in the pipeline — an unpickled upload, a poisoned dependency — inherits all of it.',
  remediation:
    'Grant predefined or custom roles for what the member does (roles/bigquery.dataEditor on one dataset, ' +
    'roles/storage.objectViewer on one bucket), at the narrowest resource rather than the project.',
  bad: [
    {
      file: 'iam.tf',
      code: 'resource "google_project_iam_member" "etl" {\n  project = "acme-data"\n  role    = "roles/editor"\n  member  = "serviceAccount:etl@acme-data.iam.gserviceaccount.com"\n}\n',
    },
    {
      file: 'iam.tf',
      code:
        'data "google_iam_policy" "admins" {\n  binding {\n    role    = "roles/owner"\n    members = ["group:data-team@acme.com"]\n  }\n}\n' +
        'resource "google_folder_iam_policy" "data" {\n  folder      = "folders/1234567"\n  policy_data = data.google_iam_policy.admins.policy_data\n}\n',
    },
  ],
  good: [
    {
      file: 'iam.tf',
      code:
        'resource "google_project_iam_member" "etl" {\n  project = "acme-data"\n  role    = "roles/bigquery.dataEditor"\n  member  = "serviceAccount:etl@acme-data.iam.gserviceaccount.com"\n}\n',
    },
  ],
  references: ['https://cloud.google.com/iam/docs/roles-overview#basic', 'https://cwe.mitre.org/data/definitions/269.html'],
  check(ctx) {
    for (const grant of gcpRoleGrants(ctx)) {
      if (PRIMITIVE_ROLES.has(grant.role)) ctx.report(grant.written, grant.range, { message: `${grant.via} grants the basic role ${grant.role}${grantees(grant)}` });
    }
  },
};
