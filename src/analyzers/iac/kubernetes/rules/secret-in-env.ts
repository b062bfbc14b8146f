import { isLiteralSecretValue, isSecretLikeName, redact } from '../../../container/secret-like.js';
import { K8S_DOCS, type K8sRule } from '../k8s-rule.js';
import { isRecord, listAt } from '../parse.js';

export const secretInEnv: K8sRule = {
  id: 'k8s.secret-in-env',
  title: 'Literal secret in a container environment variable',
  category: 'iac',
  severity: 'high',
  confidence: 'medium',
  cwe: ['CWE-798'],
  what: 'Finds `env` entries whose name says credential (PASSWORD, TOKEN, API_KEY, SECRET, …) and whose `value:` is a literal.',
  why:
    'A manifest is committed, templated, diffed in CI logs and readable by anyone with `get` on the workload: a literal ' +
    'warehouse password in it is shared with all of them, and it cannot be rotated without a redeploy.',
  remediation: 'Store the value in a Secret (or an external secret store) and reference it with `valueFrom.secretKeyRef`.',
  bad: [
    {
      file: 'k8s/pod.yaml',
      code:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: load\nspec:\n  containers:\n    - name: load\n      image: load:1.0.0\n' +
        '      env:\n        - name: WAREHOUSE_PASSWORD\n          value: "Sn0wfl4ke!2024"\n',
    },
  ],
  good: [
    {
      file: 'k8s/pod.yaml',
      code:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: load\nspec:\n  containers:\n    - name: load\n      image: load:1.0.0\n' +
        '      env:\n        - name: WAREHOUSE_PASSWORD\n          valueFrom:\n            secretKeyRef:\n              name: warehouse\n              key: password\n' +
        '        - name: WAREHOUSE_PASSWORD_FILE\n          value: /var/run/secrets/warehouse/password\n',
    },
  ],
  references: ['https://kubernetes.io/docs/concepts/configuration/secret/#using-secrets-as-environment-variables', K8S_DOCS],
  check(ctx) {
    for (const pod of ctx.pods) {
      for (const c of pod.containers) {
        listAt(c.container, ['env']).forEach((entry, i) => {
          if (!isRecord(entry) || typeof entry['name'] !== 'string' || typeof entry['value'] !== 'string') return;
          if (!isSecretLikeName(entry['name']) || !isLiteralSecretValue(entry['value'])) return;
          ctx.report(pod.object, [...c.path, 'env', i, 'value'], {
            message: `Container "${c.name}" sets ${entry['name']} to a literal value (${redact(entry['value'])}) in the manifest`,
          });
        });
      }
    }
  },
};
