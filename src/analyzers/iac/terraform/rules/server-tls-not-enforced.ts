import { SERVER_TLS_NOT_ENFORCED } from '../../cloud-rules/checks/transport.js';
import { cloudRule, expectProperty, isFalse, isOneOf, isTrue, type PropertyExpectation } from '../../cloud-rules/expect.js';
import { get, str } from '../../cloud-rules/model.js';

const OLD_TLS = isOneOf('1.0', '1.1', 'tls1_0', 'tls1_1', 'tlsenforcementdisabled', 'disabled');

/** The settings that make a server take cleartext or TLS below 1.2; each left out keeps the provider's secure default. */
const SETTINGS: Array<Omit<PropertyExpectation, 'missingIsInsecure'>> = [
  { types: ['azurerm_postgresql_server', 'azurerm_mysql_server', 'azurerm_mariadb_server'], path: ['ssl_enforcement_enabled'], insecure: isFalse, message: 'Server accepts connections without TLS (ssl_enforcement_enabled = false)' },
  { types: ['azurerm_postgresql_server', 'azurerm_mysql_server'], path: ['ssl_minimal_tls_version_enforced'], insecure: OLD_TLS, message: 'Server accepts TLS older than 1.2' },
  { types: ['azurerm_mssql_server'], path: ['minimum_tls_version'], insecure: OLD_TLS, message: 'SQL server accepts TLS older than 1.2' },
  { types: ['azurerm_redis_cache'], path: ['enable_non_ssl_port'], insecure: isTrue, message: 'Redis cache opens its non-TLS port (6379)' },
  { types: ['azurerm_redis_cache'], path: ['non_ssl_port_enabled'], insecure: isTrue, message: 'Redis cache opens its non-TLS port (6379)' },
  { types: ['azurerm_redis_cache'], path: ['minimum_tls_version'], insecure: OLD_TLS, message: 'Redis cache accepts TLS older than 1.2' },
  { types: ['azurerm_storage_account'], path: ['enable_https_traffic_only'], insecure: isFalse, message: 'Storage account accepts HTTP' },
  { types: ['azurerm_storage_account'], path: ['https_traffic_only_enabled'], insecure: isFalse, message: 'Storage account accepts HTTP' },
  { types: ['azurerm_storage_account'], path: ['min_tls_version'], insecure: OLD_TLS, message: 'Storage account accepts TLS older than 1.2' },
  { types: ['google_sql_database_instance'], path: ['settings', 'ip_configuration', 'require_ssl'], insecure: isFalse, message: 'Cloud SQL instance accepts connections without TLS (require_ssl = false)' },
  {
    types: ['google_sql_database_instance'],
    path: ['settings', 'ip_configuration', 'ssl_mode'],
    insecure: isOneOf('allow_unencrypted_and_encrypted'),
    message: 'Cloud SQL instance accepts connections without TLS (ssl_mode = ALLOW_UNENCRYPTED_AND_ENCRYPTED)',
  },
];

/** Server parameters of Azure's flexible servers, set one per resource. */
const FLEXIBLE_CONFIGURATIONS = ['azurerm_postgresql_flexible_server_configuration', 'azurerm_mysql_flexible_server_configuration'];

export const tfServerTlsNotEnforced = cloudRule(SERVER_TLS_NOT_ENFORCED, {
  id: 'tf.db.tls-not-enforced',
  bad: [
    { file: 'main.tf', code: 'resource "azurerm_postgresql_server" "dw" {\n  name                    = "acme-dw"\n  sku_name                = "GP_Gen5_2"\n  ssl_enforcement_enabled = false\n}\n' },
    { file: 'main.tf', code: 'resource "azurerm_postgresql_flexible_server_configuration" "tls" {\n  name      = "require_secure_transport"\n  server_id = azurerm_postgresql_flexible_server.dw.id\n  value     = "off"\n}\n' },
    {
      file: 'main.tf',
      code: 'resource "google_sql_database_instance" "dw" {\n  name             = "dw"\n  database_version = "POSTGRES_15"\n  settings {\n    tier = "db-custom-2-7680"\n    ip_configuration {\n      ssl_mode = "ALLOW_UNENCRYPTED_AND_ENCRYPTED"\n    }\n  }\n}\n',
    },
  ],
  good: [
    {
      file: 'main.tf',
      code:
        'resource "azurerm_postgresql_server" "dw" {\n  name                             = "acme-dw"\n  sku_name                         = "GP_Gen5_2"\n  ssl_enforcement_enabled          = true\n' +
        '  ssl_minimal_tls_version_enforced = "TLS1_2"\n}\n',
    },
    {
      file: 'main.tf',
      code: 'resource "google_sql_database_instance" "dw" {\n  name             = "dw"\n  database_version = "POSTGRES_15"\n  settings {\n    tier = "db-custom-2-7680"\n    ip_configuration {\n      ssl_mode = "ENCRYPTED_ONLY"\n    }\n  }\n}\n',
    },
  ],
  check(ctx) {
    for (const setting of SETTINGS) expectProperty(ctx, { ...setting, missingIsInsecure: false });
    for (const configuration of ctx.ofType(...FLEXIBLE_CONFIGURATIONS)) {
      const value = get(configuration.body, 'value');
      if (str(get(configuration.body, 'name'))?.toLowerCase() === 'require_secure_transport' && value && isOneOf('off', '0', 'false')(value)) {
        ctx.report(configuration, value.range, { message: 'Flexible server accepts connections without TLS (require_secure_transport = off)' });
      }
    }
  },
});
