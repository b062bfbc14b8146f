import { token } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const databricksToken = secretRule({
  id: 'secret.databricks-token',
  title: 'Databricks personal access token',
  severity: 'high',
  what: 'Finds Databricks personal access tokens: dapi followed by 32 hex digits (and an optional -N suffix).',
  why: 'A PAT runs notebooks, jobs and SQL as its user on the workspace — every table in Unity Catalog the user can read, and the cluster\'s instance profile.',
  remediation: 'Revoke the token (User settings → Developer → Access tokens), and use OAuth machine-to-machine credentials of a service principal from a secret scope.',
  anchors: ['dapi'],
  pattern: token('dapi[0-9a-f]{32}(?:-\\d)?'),
  bad: [{ file: 'jobs/submit.py', code: 'w = WorkspaceClient(host="https://adb-123.azuredatabricks.net", token="dapi9c385ecae5960206ba4ecc469a0c6484")\n' }],
  good: [{ file: 'jobs/submit.py', code: 'w = WorkspaceClient()  # DATABRICKS_HOST and OAuth M2M credentials from the environment\n' }],
  references: ['https://docs.databricks.com/en/dev-tools/auth/pat.html', 'https://cwe.mitre.org/data/definitions/798.html'],
});
