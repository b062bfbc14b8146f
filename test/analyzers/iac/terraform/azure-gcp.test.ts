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

const SERVERS = [
  'resource "azurerm_redis_cache" "cache" {', // 1
  '  name                 = "acme-cache"',
  '  non_ssl_port_enabled = true',
  '  minimum_tls_version  = "1.0"',
  '}', // 5
  'resource "azurerm_mssql_server" "dw" {',
  '  name                = "acme-dw"',
  '  minimum_tls_version = "1.2"',
  '}',
  'resource "azurerm_storage_account" "lake" {', // 10
  '  name                            = "acmelake"',
  '  allow_nested_items_to_be_public = false',
  '  https_traffic_only_enabled      = false',
  '}',
  'resource "azurerm_mysql_flexible_server_configuration" "tls" {', // 15
  '  name      = "require_secure_transport"',
  '  value     = "OFF"',
  '}',
  'resource "google_sql_database_instance" "dw" {',
  '  name = "dw"', // 20
  '  settings {',
  '    ip_configuration {',
  '      require_ssl = false',
  '      authorized_networks {',
  '        name  = "office"', // 25
  '        value = "203.0.113.0/24"',
  '      }',
  '      authorized_networks {',
  '        name  = "anyone"',
  '        value = "0.0.0.0/0"', // 30
  '      }',
  '    }',
  '  }',
  '}',
  '',
].join('\n');

describe('managed data servers in Terraform', () => {
  it('reports servers that accept cleartext or old TLS and a Cloud SQL instance open to every address, settings left secure unreported', async () => {
    const result = await assessTree({ 'infra/servers.tf': SERVERS }, { only: ['iac'] });
    expect(result.errors).toEqual([]);
    expect(result.findings.map((f) => `${f.ruleId} ${f.location.startLine} ${f.message}`).sort()).toEqual([
      'tf.db.tls-not-enforced 13 Storage account accepts HTTP',
      'tf.db.tls-not-enforced 17 Flexible server accepts connections without TLS (require_secure_transport = off)',
      'tf.db.tls-not-enforced 23 Cloud SQL instance accepts connections without TLS (require_ssl = false)',
      'tf.db.tls-not-enforced 3 Redis cache opens its non-TLS port (6379)',
      'tf.db.tls-not-enforced 4 Redis cache accepts TLS older than 1.2',
      'tf.gcp.sql-public 30 Cloud SQL instance google_sql_database_instance.dw admits every address (0.0.0.0/0)',
    ]);
  });
});
