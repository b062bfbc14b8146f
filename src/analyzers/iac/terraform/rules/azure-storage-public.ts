import { AZURE_STORAGE_PUBLIC } from '../../cloud-rules/checks/exposure.js';
import { cloudRule, isOneOf, isTrue } from '../../cloud-rules/expect.js';
import { get, isUnset, str } from '../../cloud-rules/model.js';

export const tfAzureStoragePublic = cloudRule(AZURE_STORAGE_PUBLIC, {
  id: 'tf.azure.storage-public',
  bad: [
    { file: 'main.tf', code: 'resource "azurerm_storage_container" "exports" {\n  name                  = "exports"\n  storage_account_id    = azurerm_storage_account.lake.id\n  container_access_type = "blob"\n}\n' },
    { file: 'main.tf', code: 'resource "azurerm_storage_account" "lake" {\n  name                     = "acmelake"\n  account_tier             = "Standard"\n  account_replication_type = "LRS"\n}\n' },
  ],
  good: [
    {
      file: 'main.tf',
      code:
        'resource "azurerm_storage_account" "lake" {\n  name                            = "acmelake"\n  account_tier                    = "Standard"\n  account_replication_type        = "LRS"\n' +
        '  allow_nested_items_to_be_public = false\n}\nresource "azurerm_storage_container" "exports" {\n  name               = "exports"\n  storage_account_id = azurerm_storage_account.lake.id\n}\n',
    },
  ],
  check(ctx) {
    for (const container of ctx.ofType('azurerm_storage_container')) {
      const access = get(container.body, 'container_access_type');
      if (access && isOneOf('blob', 'container')(access)) {
        ctx.report(container, access.range, { message: `Storage container ${container.address} allows anonymous ${str(access) === 'container' ? 'listing and reading of its blobs' : 'reads of its blobs'}` });
      }
    }
    for (const account of ctx.ofType('azurerm_storage_account')) {
      const nested = get(account.body, 'allow_nested_items_to_be_public');
      const legacy = get(account.body, 'allow_blob_public_access');
      const allowed = [nested, legacy].find((v) => v !== undefined && isTrue(v));
      // Until azurerm 3 the setting was allow_blob_public_access (default false); its successor defaults to true.
      if (allowed) ctx.report(account, allowed.range, { severity: 'medium', message: `Storage account ${account.address} lets its containers be made public` });
      else if (isUnset(nested) && isUnset(legacy)) {
        ctx.report(account, account.range, { severity: 'medium', message: `Storage account ${account.address} lets its containers be made public: allow_nested_items_to_be_public defaults to true` });
      }
    }
  },
});
