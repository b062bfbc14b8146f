import type { CloudRule } from '../../iac/cloud-rules/rule.js';
import { gcpRoleGrants, grantees } from './gcp-role-grants.js';

/** Roles that, held on a whole project, folder or organization (SCOPE), reach every service account in it or its access policy. */
const ESCALATION_ROLES = new Map([
  ['roles/iam.serviceAccountUser', 'run work as any service account in the SCOPE'],
  ['roles/iam.serviceAccountTokenCreator', 'mint access tokens for any service account in the SCOPE'],
  ['roles/iam.serviceAccountKeyAdmin', 'create keys for any service account in the SCOPE'],
  ['roles/iam.workloadIdentityUser', 'impersonate any service account in the SCOPE'],
  ['roles/iam.serviceAccountAdmin', 'change the access policy of any service account in the SCOPE'],
  ['roles/iam.securityAdmin', 'change the SCOPE\'s access policy'],
  ['roles/resourcemanager.projectIamAdmin', 'change the SCOPE\'s access policy'],
  ['roles/resourcemanager.folderIamAdmin', 'change the SCOPE\'s access policy'],
  ['roles/resourcemanager.organizationAdmin', 'change the SCOPE\'s access policy'],
]);

export const gcpEscalationRole: CloudRule = {
  id: 'iam.gcp-escalation-role',
  title: 'GCP project, folder or organization grants a role that can act as any service account or change access',
  category: 'iam',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-269'],
  what:
    'Finds Terraform bindings, members and policies of GCP projects, folders and organizations that grant, on the whole ' +
    'scope, Service Account User, Token Creator, Key Admin, Workload Identity User or Service Account Admin, or a role ' +
    'that edits the scope\'s IAM policy (Security Admin, Project/Folder IAM Admin, Organization Admin).',
  why:
    'Granted on a project, these reach every service account in it: the holder can run a job as, mint tokens for or ' +
    'create keys of the most privileged one, or grant itself any role. A pipeline identity with one of them turns any ' +
    'code execution in the pipeline into control of the project.',
  remediation:
    'Grant Service Account User or Token Creator on the one service account the job acts as ' +
    '(`google_service_account_iam_member`), and keep IAM-editing roles with people, not pipeline identities.',
  bad: [
    {
      file: 'iam.tf',
      code:
        'resource "google_project_iam_member" "composer" {\n  project = "acme-data"\n  role    = "roles/iam.serviceAccountUser"\n' +
        '  member  = "serviceAccount:composer@acme-data.iam.gserviceaccount.com"\n}\n',
    },
  ],
  good: [
    {
      file: 'iam.tf',
      code:
        'resource "google_service_account_iam_member" "composer" {\n  service_account_id = google_service_account.etl.name\n' +
        '  role               = "roles/iam.serviceAccountUser"\n  member             = "serviceAccount:composer@acme-data.iam.gserviceaccount.com"\n}\n',
    },
  ],
  references: ['https://cloud.google.com/iam/docs/service-account-permissions', 'https://cwe.mitre.org/data/definitions/269.html'],
  check(ctx) {
    for (const grant of gcpRoleGrants(ctx)) {
      const reach = ESCALATION_ROLES.get(grant.role);
      const scope = /^google_(project|folder|organization)_/.exec(grant.via)?.[1] ?? 'project';
      if (reach) ctx.report(grant.written, grant.range, { message: `${grant.via} grants ${grant.role}${grantees(grant)}, which can ${reach.replace('SCOPE', scope)}` });
    }
  },
};
