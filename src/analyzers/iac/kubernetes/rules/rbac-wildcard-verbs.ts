import { rbacWildcardRule } from '../rbac-wildcard.js';

export const rbacWildcardVerbs = rbacWildcardRule({
  id: 'k8s.rbac.wildcard-verbs',
  field: 'verbs',
  title: 'RBAC rule grants every verb (*)',
  why:
    '`*` grants every verb there is and every verb added later — delete, escalate, impersonate, bind — so an account ' +
    'meant to read ConfigMaps can rewrite or remove them, or grant itself more.',
  remediation: 'List the verbs the workload uses (usually get, list, watch), nothing more.',
  bad: ['["*"]', '["configmaps"]'],
  good: ['["get", "list", "watch"]', '["configmaps"]'],
  message: (rule) => `${rule.role} grants every verb on ${rule.resources.join(', ') || 'its resources'}`,
});
