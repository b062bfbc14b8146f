import { rbacWildcardRule } from '../rbac-wildcard.js';

export const rbacWildcardResources = rbacWildcardRule({
  id: 'k8s.rbac.wildcard-resources',
  field: 'resources',
  title: 'RBAC rule applies to every resource (*)',
  why:
    '`*` covers secrets, pods/exec, roles and bindings, and every resource type a CRD adds later: the grant reaches far ' +
    'beyond what any pipeline step touches.',
  remediation: 'Name the resources the workload uses (`resources: ["configmaps"]`), and their `resourceNames` where possible.',
  bad: ['["get"]', '["*"]'],
  good: ['["get"]', '["configmaps", "pods"]'],
  message: (rule) => `${rule.role} applies ${rule.verbs.join(', ') || 'its verbs'} to every resource`,
});
