import { passwordUrl } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const mysqlUrl = secretRule({
  id: 'secret.mysql-url',
  title: 'MySQL / MariaDB connection URL with a password',
  severity: 'high',
  ...passwordUrl('mysql', 'mysqlx', 'mariadb'),
  what: 'Finds mysql://, mysqlx:// and mariadb:// URLs (and SQLAlchemy mysql+pymysql:// forms) that carry a password.',
  why: 'The URL logs straight into the database the pipeline extracts from or loads into, with whatever grants the pipeline user holds.',
  remediation: 'Change the user\'s password and assemble the URL at run time from a secret store or environment variables.',
  bad: [{ file: 'extract/config.yaml', code: 'source: mysql+pymysql://reader:My5qlR3ader@orders-db:3306/shop\n' }],
  good: [{ file: 'extract/config.yaml', code: 'source: mysql+pymysql://reader:${ORDERS_DB_PASSWORD}@orders-db:3306/shop\n' }],
  references: ['https://dev.mysql.com/doc/refman/8.0/en/connecting-using-uri-or-key-value-pairs.html', 'https://cwe.mitre.org/data/definitions/259.html'],
});
