import { describe, expect, it } from 'vitest';
import { assessTree } from '../../../helpers/assess-tree.js';

const LAKE = [
  'resource "azurerm_storage_account" "lake" {', // 1
  '  name                     = "acmelake"',
  '  account_tier             = "Standard"',
  '  account_replication_type = "LRS"',
  '}', // 5
  'resource "azurerm_storage_account" "legacy" {',
  '  name                     = "acmelegacy"',
  '  allow_blob_public_access = true',
  '}',
  'resource "azurerm_storage_account" "closed" {', // 10
  '  name                            = "acmeclosed"',
  '  allow_nested_items_to_be_public = false',
  '}',
  'resource "azurerm_storage_container" "exports" {',
  '  name                  = "exports"', // 15
  '  container_access_type = "container"',
  '}',
  'resource "azurerm_postgresql_flexible_server_firewall_rule" "azure" {',
  '  name             = "azure-services"',
  '  start_ip_address = "0.0.0.0"', // 20
  '  end_ip_address   = "0.0.0.0"',
  '}',
  'resource "azurerm_network_security_group" "workers" {',
  '  name = "workers"',
  '  security_rule {', // 25
  '    name                       = "everything"',
  '    direction                  = "Inbound"',
  '    access                     = "Allow"',
  '    protocol                   = "*"',
  '    source_port_range          = "*"', // 30
  '    destination_port_range     = "*"',
  '    source_address_prefixes    = ["10.0.0.0/8", "Any"]',
  '    destination_address_prefix = "*"',
  '  }',
  '  security_rule {', // 35
  '    name                       = "denied"',
  '    direction                  = "Inbound"',
  '    access                     = "Deny"',
  '    destination_port_range     = "22"',
  '    source_address_prefix      = "*"', // 40
  '  }',
  '}',
  '',
].join('\n');

describe('Azure resources in Terraform', () => {
  it('reports public storage, open database firewalls and network security rules open to the world, each at its line and severity', async () => {
    const result = await assessTree({ 'infra/lake.tf': LAKE }, { only: ['iac'] });
    expect(result.errors).toEqual([]);
    expect(result.findings.map((f) => `${f.ruleId} ${f.severity} ${f.location.startLine} ${f.message}`).sort()).toEqual([
      'tf.azure.db-firewall-open medium 20 azurerm_postgresql_flexible_server_firewall_rule.azure admits every Azure service, any tenant\'s included (0.0.0.0–0.0.0.0)',
      'tf.azure.storage-public high 16 Storage container azurerm_storage_container.exports allows anonymous listing and reading of its blobs',
      'tf.azure.storage-public medium 1 Storage account azurerm_storage_account.lake lets its containers be made public: allow_nested_items_to_be_public defaults to true',
      'tf.azure.storage-public medium 8 Storage account azurerm_storage_account.legacy lets its containers be made public',
      'tf.network.open-admin-port high 31 Administration port open to the internet: 22 (SSH), 3389 (RDP), 5985 (WinRM), 5986 (WinRM over TLS)',
      expect.stringMatching(/^tf\.network\.open-database-port high 31 Database or broker port open to the internet: 5432 \(PostgreSQL\)/),
    ]);
  });
});
