import { AZURE_DB_FIREWALL_OPEN } from '../../cloud-rules/checks/exposure.js';
import { cloudRule } from '../../cloud-rules/expect.js';
import { get, str } from '../../cloud-rules/model.js';

const FIREWALL_RULES = [
  'azurerm_mssql_firewall_rule',
  'azurerm_sql_firewall_rule',
  'azurerm_postgresql_firewall_rule',
  'azurerm_postgresql_flexible_server_firewall_rule',
  'azurerm_mysql_firewall_rule',
  'azurerm_mysql_flexible_server_firewall_rule',
  'azurerm_mariadb_firewall_rule',
  'azurerm_synapse_firewall_rule',
];

export const tfAzureDbFirewallOpen = cloudRule(AZURE_DB_FIREWALL_OPEN, {
  id: 'tf.azure.db-firewall-open',
  bad: [
    {
      file: 'main.tf',
      code: 'resource "azurerm_mssql_firewall_rule" "all" {\n  name             = "all"\n  server_id        = azurerm_mssql_server.dw.id\n  start_ip_address = "0.0.0.0"\n  end_ip_address   = "255.255.255.255"\n}\n',
    },
  ],
  good: [
    {
      file: 'main.tf',
      code: 'resource "azurerm_mssql_firewall_rule" "office" {\n  name             = "office"\n  server_id        = azurerm_mssql_server.dw.id\n  start_ip_address = "203.0.113.10"\n  end_ip_address   = "203.0.113.20"\n}\n',
    },
  ],
  check(ctx) {
    for (const rule of ctx.ofType(...FIREWALL_RULES)) {
      const start = get(rule.body, 'start_ip_address');
      const end = get(rule.body, 'end_ip_address');
      if (str(start)?.trim() !== '0.0.0.0' || !end) continue;
      if (str(end)?.trim() === '255.255.255.255') ctx.report(rule, start!.range, { message: `${rule.address} admits every address (0.0.0.0–255.255.255.255)` });
      else if (str(end)?.trim() === '0.0.0.0') ctx.report(rule, start!.range, { severity: 'medium', message: `${rule.address} admits every Azure service, any tenant's included (0.0.0.0–0.0.0.0)` });
    }
  },
});
