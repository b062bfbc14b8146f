import { clusterRole, policyRules, RBAC_DOCS, type PolicyRule } from './rbac.js';
import type { K8sRule } from './k8s-rule.js';

interface WildcardSpec {
  id: string;
  field: 'verbs' | 'resources';
  title: string;
  why: string;
  remediation: string;
  /** The example rule's verbs and resources, `*` in the field checked (bad) or spelled out (good). */
  bad: [verbs: string, resources: string];
  good: [verbs: string, resources: string];
  message: (rule: PolicyRule) => string;
}

/** `*` in a Role's verbs or in its resources: the two rules differ only in the field and what the wildcard opens. */
export function rbacWildcardRule(spec: WildcardSpec): K8sRule {
  return {
    id: spec.id,
    title: spec.title,
    category: 'iac',
    severity: 'high',
    confidence: 'high',
    cwe: ['CWE-269'],
    what: `Finds Role and ClusterRole rules whose \`${spec.field}\` include \`*\`.`,
    why: spec.why,
    remediation: spec.remediation,
    bad: [{ file: 'k8s/rbac.yaml', code: clusterRole(...spec.bad) }],
    good: [{ file: 'k8s/rbac.yaml', code: clusterRole(...spec.good) }],
    references: [RBAC_DOCS, 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/'],
    check(ctx) {
      for (const rule of policyRules(ctx.objects)) {
        const at = rule[spec.field].indexOf('*');
        if (at !== -1) ctx.report(rule.object, [...rule.path, spec.field, at], { message: spec.message(rule) });
      }
    },
  };
}
