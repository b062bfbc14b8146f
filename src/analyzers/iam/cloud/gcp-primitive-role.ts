import { type CloudResource, get, getAll, str, strings, type Value } from '../../iac/cloud-rules/model.js';
import type { CloudRule } from '../../iac/cloud-rules/rule.js';

/** The basic roles that predate IAM: every permission (owner) or nearly every write (editor) in their scope. */
const PRIMITIVE_ROLES = new Set(['roles/owner', 'roles/editor']);
const SCOPES = ['project', 'folder', 'organization'];
const GRANTS = SCOPES.flatMap((s) => [`google_${s}_iam_binding`, `google_${s}_iam_member`]);
const POLICIES = SCOPES.map((s) => `google_${s}_iam_policy`);

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
    // `written` holds the role (a data source, for a whole policy); `via` is the resource that grants it.
    const report = (written: CloudResource, via: string, role: Value | undefined, members: Value | undefined) => {
      const name = str(role);
      if (!role || !name || !PRIMITIVE_ROLES.has(name)) return;
      const who = [...strings(members)].map((m) => m.text);
      const to = who.length > 0 ? ` to ${who.join(', ')}` : '';
      ctx.report(written, role.range, { message: `${via} grants the basic role ${name}${to}` });
    };
    for (const r of ctx.ofType(...GRANTS)) report(r, r.address, get(r.body, 'role'), get(r.body, 'member') ?? get(r.body, 'members'));
    for (const r of ctx.ofType(...POLICIES)) {
      const data = get(r.body, 'policy_data');
      const source = data?.kind === 'ref' ? ctx.resources.find((d) => d.address === data.target && d.type === 'data.google_iam_policy') : undefined;
      if (!source) continue;
      for (const binding of getAll(source.body, 'binding')) report(source, r.address, get(binding, 'role'), get(binding, 'members'));
    }
  },
};
