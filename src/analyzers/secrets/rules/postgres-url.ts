import { passwordUrl } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const postgresUrl = secretRule({
  id: 'secret.postgres-url',
  title: 'PostgreSQL connection URL with a password',
  severity: 'high',
  ...passwordUrl('postgres', 'postgresql'),
  what: 'Finds postgres:// and postgresql:// URLs (SQLAlchemy driver variants such as postgresql+psycopg2:// too) that carry a password.',
  why: 'The URL is a complete login to the warehouse or operational database; pipeline roles usually read raw personal data and write the tables reports trust.',
  remediation: 'Change the role\'s password, and build the URL at run time from a secret store or the environment (or use IAM / Kerberos authentication).',
  bad: [{ file: 'dbt/profiles.py', code: 'ENGINE = create_engine("postgresql+psycopg2://etl:Pg5ecretW0rd!@warehouse.internal:5432/analytics")\n' }],
  good: [{ file: 'dbt/profiles.py', code: 'ENGINE = create_engine(os.environ["WAREHOUSE_URL"])\n' }],
  references: ['https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING-URIS', 'https://cwe.mitre.org/data/definitions/259.html'],
});
