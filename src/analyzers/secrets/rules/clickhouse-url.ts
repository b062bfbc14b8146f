import { passwordUrl } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const clickhouseUrl = secretRule({
  id: 'secret.clickhouse-url',
  title: 'ClickHouse connection URL with a password',
  severity: 'high',
  ...passwordUrl('clickhouse', 'clickhouses'),
  what: 'Finds clickhouse:// URLs (clickhouse+native://, clickhouse+http:// …) that carry a password.',
  why: 'ClickHouse users are frequently granted on every database; the URL reads the event tables and can drop them.',
  remediation: 'Change the user\'s password (ALTER USER … IDENTIFIED BY) and take the URL from a secret store.',
  bad: [{ file: 'analytics/settings.py', code: 'CLICKHOUSE = "clickhouse+native://analytics:Cl1ckH0useP4ss@ch.internal:9000/events"\n' }],
  good: [{ file: 'analytics/settings.py', code: 'CLICKHOUSE = os.environ["CLICKHOUSE_URL"]\n' }],
  references: ['https://clickhouse.com/docs/en/integrations/python', 'https://cwe.mitre.org/data/definitions/259.html'],
});
