import type { K8sRule } from '../k8s-rule.js';
import { clusterRole, policyRules, RBAC_DOCS } from '../rbac.js';

const READ_VERBS = new Set(['get', 'list', 'watch', '*']);

export const rbacSecretAccess: K8sRule = {
  id: 'k8s.rbac.secret-read',
  title: 'RBAC rule can read Secrets',
  category: 'iac',
  severity: 'high',
  confidence: 'medium',
  cwe: ['CWE-200'],
  what: 'Finds Role and ClusterRole rules that allow get, list or watch (or `*`) on `secrets`.',
  why:
    '`list`/`watch` on secrets return every secret’s data in the namespace (all namespaces for a ClusterRole): the ' +
    'credentials of every other workload, not only the one the pipeline needs.',
  remediation: 'Mount the one Secret the workload needs as a volume instead; if the API must be used, restrict `get` with `resourceNames`.',
  bad: [{ file: 'k8s/rbac.yaml', code: clusterRole('["get", "list"]', '["secrets"]') }],
  good: [{ file: 'k8s/rbac.yaml', code: clusterRole('["get", "list"]', '["configmaps"]') }],
  references: [RBAC_DOCS, 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#listing-secrets'],
  check(ctx) {
    for (const rule of policyRules(ctx.objects)) {
      const at = rule.resources.indexOf('secrets');
      const verbs = rule.verbs.filter((v) => READ_VERBS.has(v));
      if (at === -1 || verbs.length === 0) continue;
      ctx.report(rule.object, [...rule.path, 'resources', at], { message: `${rule.role} can ${verbs.join('/')} secrets` });
    }
  },
};
