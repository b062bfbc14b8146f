import { passwordUrl } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const snowflakeUrl = secretRule({
  id: 'secret.snowflake-url',
  title: 'Snowflake connection URL with a password',
  severity: 'high',
  ...passwordUrl('snowflake'),
  what: 'Finds snowflake://user:password@account/… URLs (the snowflake-sqlalchemy form).',
  why: 'The URL logs into the Snowflake account with the user\'s default role and warehouse — reading the shared data and spending credits.',
  remediation: 'Reset the user\'s password, and switch the service user to key-pair or OAuth authentication with the key in a secret store.',
  bad: [{ file: 'load/engine.py', code: 'engine = create_engine("snowflake://LOADER:Sn0wfl4keSecret@acme-xy12345/RAW/PUBLIC?warehouse=LOAD_WH")\n' }],
  good: [{ file: 'load/engine.py', code: 'engine = create_engine(URL(account=ACCOUNT, user="LOADER", authenticator="SNOWFLAKE_JWT"), connect_args={"private_key": load_key()})\n' }],
  references: ['https://docs.snowflake.com/en/developer-guide/python-connector/sqlalchemy', 'https://cwe.mitre.org/data/definitions/259.html'],
});
