import { DATABRICKS_NO_CMK } from '../../cloud-rules/checks/at-rest.js';
import { cloudRule } from '../../cloud-rules/expect.js';
import { bool, get, isSet, isUnset } from '../../cloud-rules/model.js';

export const tfDatabricksNoCmk = cloudRule(DATABRICKS_NO_CMK, {
  id: 'tf.databricks.no-cmk',
  bad: [
    { file: 'main.tf', code: 'resource "azurerm_databricks_workspace" "lake" {\n  name                = "lake"\n  resource_group_name = "data"\n  location            = "westeurope"\n  sku                 = "premium"\n}\n' },
    { file: 'main.tf', code: 'resource "databricks_mws_workspaces" "lake" {\n  account_id     = var.account_id\n  workspace_name = "lake"\n}\n' },
  ],
  good: [
    {
      file: 'main.tf',
      code: 'resource "azurerm_databricks_workspace" "lake" {\n  name                         = "lake"\n  sku                          = "premium"\n  customer_managed_key_enabled = true\n  infrastructure_encryption_enabled = true\n}\n',
    },
    { file: 'main.tf', code: 'resource "databricks_mws_workspaces" "lake" {\n  workspace_name                 = "lake"\n  storage_customer_managed_key_id = databricks_mws_customer_managed_keys.storage.customer_managed_key_id\n}\n' },
  ],
  check(ctx) {
    for (const r of ctx.ofType('azurerm_databricks_workspace')) {
      const enabled = get(r.body, 'customer_managed_key_enabled');
      if (enabled?.kind === 'unknown' || bool(enabled) === true || isSet(get(r.body, 'managed_disk_cmk_key_vault_key_id'))) continue;
      ctx.report(r, enabled?.range ?? r.range, { message: 'Databricks workspace storage does not use a customer-managed key' });
    }
    for (const r of ctx.ofType('databricks_mws_workspaces')) {
      if (isUnset(get(r.body, 'storage_customer_managed_key_id'))) ctx.report(r, r.range, { message: 'Databricks workspace storage does not use a customer-managed key' });
    }
  },
});
