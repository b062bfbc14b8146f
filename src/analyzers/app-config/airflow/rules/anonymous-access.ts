import type { AppRule } from '../../app-rule.js';
import { isTrue, settingsOf } from '../../setting.js';

/** Roles that can change what the pipeline runs: trigger, clear, edit connections and variables. */
const OPERATING_ROLES = /^(admin|op|user)$/i;

export const airflowAnonymousAccess: AppRule = {
  id: 'airflow.anonymous-access',
  title: 'Airflow UI open to visitors who have not logged in',
  category: 'iac',
  severity: 'critical',
  confidence: 'high',
  cwe: ['CWE-306'],
  what:
    'Finds `AUTH_ROLE_PUBLIC` in webserver_config.py set to a role (anonymous visitors get its permissions; `Public` is ' +
    'the safe default) and Airflow 3’s `[core] simple_auth_manager_all_admins = True` (everyone is an admin, no login).',
  why:
    'Whoever reaches the webserver then acts without an account: with `Admin`, `Op` or `User` they trigger DAG runs with ' +
    'their own parameters and read or change connections and variables (the pipeline’s credentials); even `Viewer` shows DAG ' +
    'code, task logs and XCom values with the data in them.',
  remediation: 'Remove `AUTH_ROLE_PUBLIC` (or set it to `Public`) and log users in through the database, LDAP or OAuth backend; leave `simple_auth_manager_all_admins` off outside a laptop.',
  bad: [{ file: 'webserver_config.py', code: 'from flask_appbuilder.security.manager import AUTH_DB\n\nAUTH_TYPE = AUTH_DB\nAUTH_ROLE_PUBLIC = "Admin"\n' }],
  good: [{ file: 'webserver_config.py', code: 'from flask_appbuilder.security.manager import AUTH_DB\n\nAUTH_TYPE = AUTH_DB\nAUTH_ROLE_PUBLIC = "Public"\n' }],
  references: ['https://airflow.apache.org/docs/apache-airflow-providers-fab/stable/auth-manager/webserver-authentication.html', 'https://cwe.mitre.org/data/definitions/306.html'],
  check(settings, report) {
    for (const s of settingsOf(settings, 'airflow', ['webserver_config.py'], 'auth_role_public').filter((s) => s.value !== undefined && !/^(public|none)$/i.test(s.value))) {
      // Viewer and custom roles read rather than run: DAG code, logs and XCom data, not connections.
      const operates = OPERATING_ROLES.test(s.value!);
      report(s, `${s.spelling} = "${s.value}" gives every visitor who has not logged in the ${s.value} role${operates ? ': they can trigger runs and read connections' : ''}`, operates ? {} : { severity: 'high' });
    }
    for (const s of settingsOf(settings, 'airflow', ['core'], 'simple_auth_manager_all_admins').filter((s) => isTrue(s.value))) {
      report(s, `${s.spelling} makes every visitor an admin without a login`);
    }
  },
};

