import { get, str } from '../../iac/cloud-rules/model.js';
import type { CloudRule } from '../../iac/cloud-rules/rule.js';

/**
 * Azure's built-in roles that hand over a whole scope: every action and the right to grant roles
 * (Owner), every action but granting (Contributor), or granting any role, itself included (User
 * Access Administrator). By name and by their fixed definition ids.
 */
const BROAD_ROLES = new Map([
  ['owner', 'Owner'],
  ['8e3af657-a8ff-443c-a75c-2fe8c4bcb635', 'Owner'],
  ['contributor', 'Contributor'],
  ['b24988ac-6180-42a0-ab88-20f7382dd24c', 'Contributor'],
  ['user access administrator', 'User Access Administrator'],
  ['18d7d88d-d35e-4fb5-a5c3-7773c6a72d9d', 'User Access Administrator'],
]);

export const azureBroadRole: CloudRule = {
  id: 'iam.azure-broad-role',
  title: 'Azure role assignment grants Owner, Contributor or User Access Administrator',
  category: 'iam',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-269'],
  what:
    'Finds Terraform `azurerm_role_assignment`s of the built-in roles Owner, Contributor and User Access ' +
    'Administrator, by `role_definition_name` or by the role\'s definition id.',
  why:
    'Each covers every resource in its scope: a Data Factory, Databricks or Function identity holding Contributor on ' +
    'a subscription or resource group can read and rewrite every storage account, database and key vault there, and ' +
    'Owner or User Access Administrator can grant itself (or an attacker) anything else. Whoever runs code in the ' +
    'pipeline inherits it.',
  remediation:
    'Assign the data-plane role the job uses (Storage Blob Data Reader or Contributor, Key Vault Secrets User) on the ' +
    'one storage account, container or vault it touches, or a custom role with the actions it needs.',
  bad: [
    {
      file: 'identity.tf',
      code:
        'resource "azurerm_role_assignment" "adf" {\n  scope                = data.azurerm_subscription.current.id\n  role_definition_name = "Contributor"\n' +
        '  principal_id         = azurerm_data_factory.etl.identity[0].principal_id\n}\n',
    },
  ],
  good: [
    {
      file: 'identity.tf',
      code:
        'resource "azurerm_role_assignment" "adf" {\n  scope                = azurerm_storage_account.landing.id\n  role_definition_name = "Storage Blob Data Reader"\n' +
        '  principal_id         = azurerm_data_factory.etl.identity[0].principal_id\n}\n',
    },
  ],
  references: ['https://learn.microsoft.com/azure/role-based-access-control/built-in-roles', 'https://cwe.mitre.org/data/definitions/269.html'],
  check(ctx) {
    for (const r of ctx.ofType('azurerm_role_assignment')) {
      const assigned = get(r.body, 'role_definition_name') ?? get(r.body, 'role_definition_id');
      // A definition id is a path ending in the role's guid (`/providers/Microsoft.Authorization/roleDefinitions/<guid>`).
      const role = BROAD_ROLES.get(str(assigned)?.trim().toLowerCase().split('/').at(-1) ?? '');
      const scope = str(get(r.body, 'scope'));
      if (role) ctx.report(r, assigned!.range, { message: `${r.address} grants the built-in role ${role}${scope ? ` on ${scope}` : ''}` });
    }
  },
};
