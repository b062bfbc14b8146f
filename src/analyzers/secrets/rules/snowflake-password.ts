import { namedLiteral, QUOTED_CHAR, VALUE_CHAR } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const snowflakePassword = secretRule({
  id: 'secret.snowflake-password',
  title: 'Snowflake password',
  severity: 'high',
  cwe: ['CWE-798', 'CWE-259'],
  specificity: 'structure',
  what: 'Finds Snowflake passwords set through SNOWFLAKE_PASSWORD, SNOWSQL_PWD, sf_password and similar names (env files, dbt profiles, Airflow variables).',
  why: 'The password logs into the Snowflake account as the (often service) user, with its default role over the warehouse\'s data.',
  remediation: 'Reset the user\'s password and move service users to key-pair or OAuth authentication, with the private key in a secret store.',
  anchors: ['snowflake', 'snowsql', 'sf_pass', 'sf_pwd'],
  pattern: namedLiteral(String.raw`(?:snowflake|snowsql|sf)[_-](?:user[_-])?(?:password|passwd|pwd|pass)`, `${QUOTED_CHAR}{6,}`, `${VALUE_CHAR}{6,}`),
  bad: [{ file: 'dbt/.env', code: 'SNOWFLAKE_ACCOUNT=acme-xy12345\nSNOWFLAKE_PASSWORD=Sn0wfl4keSecret\n' }],
  good: [{ file: 'dbt/profiles.yml', code: "password: \"{{ env_var('SNOWFLAKE_PASSWORD') }}\"\n" }],
  references: ['https://docs.snowflake.com/en/developer-guide/python-connector/python-connector-connect', 'https://docs.snowflake.com/en/user-guide/key-pair-auth', 'https://cwe.mitre.org/data/definitions/259.html'],
});
