import { GCP_SQL_PUBLIC } from '../../cloud-rules/checks/exposure.js';
import { cloudRule } from '../../cloud-rules/expect.js';
import { get, getAll, str } from '../../cloud-rules/model.js';

const WORLD = new Set(['0.0.0.0/0', '::/0']);

export const tfGcpSqlPublic = cloudRule(GCP_SQL_PUBLIC, {
  id: 'tf.gcp.sql-public',
  bad: [
    {
      file: 'main.tf',
      code:
        'resource "google_sql_database_instance" "dw" {\n  name             = "dw"\n  database_version = "POSTGRES_15"\n  settings {\n    tier = "db-custom-2-7680"\n    ip_configuration {\n' +
        '      ipv4_enabled = true\n      authorized_networks {\n        name  = "anyone"\n        value = "0.0.0.0/0"\n      }\n    }\n  }\n}\n',
    },
  ],
  good: [
    {
      file: 'main.tf',
      code:
        'resource "google_sql_database_instance" "dw" {\n  name             = "dw"\n  database_version = "POSTGRES_15"\n  settings {\n    tier = "db-custom-2-7680"\n    ip_configuration {\n' +
        '      ipv4_enabled    = false\n      private_network = google_compute_network.data.id\n    }\n  }\n}\n',
    },
  ],
  check(ctx) {
    for (const instance of ctx.ofType('google_sql_database_instance')) {
      for (const network of getAll(get(instance.body, 'settings', 'ip_configuration'), 'authorized_networks')) {
        const value = get(network, 'value');
        if (value && WORLD.has(str(value)?.trim() ?? '')) ctx.report(instance, value.range, { message: `Cloud SQL instance ${instance.address} admits every address (${str(value)!.trim()})` });
      }
    }
  },
});
