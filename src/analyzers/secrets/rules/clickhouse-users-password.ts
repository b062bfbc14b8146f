import { secretRule } from '../secret-rule.js';

const CLICKHOUSE_CONFIG = /<(?:clickhouse|yandex|users)>/;

export const clickhouseUsersPassword = secretRule({
  id: 'secret.clickhouse-users-password',
  title: 'ClickHouse user with a plain-text password',
  severity: 'high',
  cwe: ['CWE-798', 'CWE-256'],
  what: 'Finds <password>…</password> elements in ClickHouse server configuration (users.xml / users.d): a user whose password is stored in plain text.',
  why: 'The config ships with images and Helm charts; the password logs into the server, and plain-text storage means anyone with the file reads it.',
  remediation: 'Use <password_sha256_hex> (or LDAP/Kerberos), keep the hash out of version control, and rotate the exposed password.',
  anchors: ['<password>'],
  pattern: /<password>(?<secret>[^<\s]{4,})<\/password>/,
  verify: ({ text }) => (CLICKHOUSE_CONFIG.test(text) ? undefined : { reject: true }),
  bad: [{ file: 'clickhouse/users.d/etl.xml', code: '<clickhouse>\n  <users>\n    <etl>\n      <password>Cl1ckH0useEtlPw</password>\n    </etl>\n  </users>\n</clickhouse>\n' }],
  good: [{ file: 'clickhouse/users.d/etl.xml', code: '<clickhouse>\n  <users>\n    <etl>\n      <password from_env="CLICKHOUSE_ETL_PASSWORD"/>\n    </etl>\n  </users>\n</clickhouse>\n' }],
  references: ['https://clickhouse.com/docs/en/operations/settings/settings-users', 'https://cwe.mitre.org/data/definitions/256.html'],
});
