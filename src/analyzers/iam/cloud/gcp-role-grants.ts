import { type CloudResource, get, getAll, str, strings, type Value } from '../../iac/cloud-rules/model.js';
import type { CloudContext } from '../../iac/cloud-rules/rule.js';

const SCOPES = ['project', 'folder', 'organization'];
const GRANTS = SCOPES.flatMap((s) => [`google_${s}_iam_binding`, `google_${s}_iam_member`]);
const POLICIES = SCOPES.map((s) => `google_${s}_iam_policy`);

/** A role a GCP project, folder or organization grants in Terraform. */
export interface GcpRoleGrant {
  /** The resource that holds the role: the grant itself, or the `data "google_iam_policy"` a whole policy uses. */
  written: CloudResource;
  /** The resource that grants it. */
  via: string;
  role: string;
  range: Value['range'];
  /** Members as written (`serviceAccount:etl@…`), where known. */
  members: string[];
}

/** Every role granted on a project, folder or organization: bindings, members, and the bindings of whole policies. */
export function gcpRoleGrants(ctx: CloudContext): GcpRoleGrant[] {
  const grant = (written: CloudResource, via: string, role: Value | undefined, members: Value | undefined): GcpRoleGrant[] => {
    const name = str(role);
    return name ? [{ written, via, role: name, range: role!.range, members: [...strings(members)].map((m) => m.text) }] : [];
  };
  const direct = ctx.ofType(...GRANTS).flatMap((r) => grant(r, r.address, get(r.body, 'role'), get(r.body, 'member') ?? get(r.body, 'members')));
  const policies = ctx.ofType(...POLICIES).flatMap((r) => {
    const data = get(r.body, 'policy_data');
    const source = data?.kind === 'ref' ? ctx.resources.find((d) => d.address === data.target && d.type === 'data.google_iam_policy') : undefined;
    return source ? getAll(source.body, 'binding').flatMap((binding) => grant(source, r.address, get(binding, 'role'), get(binding, 'members'))) : [];
  });
  return [...direct, ...policies];
}

/** " to serviceAccount:etl@…, group:…", or nothing when the members are not known. */
export function grantees(grant: GcpRoleGrant): string {
  return grant.members.length > 0 ? ` to ${grant.members.join(', ')}` : '';
}
