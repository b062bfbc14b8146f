import type { K8sRule } from '../k8s-rule.js';
import { clusterRole, policyRules, RBAC_DOCS } from '../rbac.js';

/** Verbs on resources that let the holder act beyond its own rules, and what each hands over. */
const ESCALATIONS: Array<{ verbs: string[]; resources: string[]; reach: string }> = [
  { verbs: ['escalate'], resources: ['roles', 'clusterroles'], reach: 'write roles with permissions it does not hold' },
  { verbs: ['bind'], resources: ['roles', 'clusterroles'], reach: 'bind any role, cluster-admin included, to itself' },
  { verbs: ['impersonate'], resources: ['users', 'groups', 'serviceaccounts', 'userextras'], reach: 'act as any user, group or service account' },
  { verbs: ['create'], resources: ['pods/exec', 'pods/attach'], reach: 'run commands in other workloads\' pods, with their credentials' },
  { verbs: ['create'], resources: ['serviceaccounts/token'], reach: 'mint tokens for any service account' },
  { verbs: ['get', 'create'], resources: ['nodes/proxy'], reach: 'reach the kubelet API, which runs commands in any pod of the node' },
];

export const rbacEscalation: K8sRule = {
  id: 'k8s.rbac.escalation',
  title: 'RBAC rule lets the holder gain permissions it was not given',
  category: 'iac',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-269'],
  what:
    'Finds Role and ClusterRole rules that name `escalate` or `bind` on roles, `impersonate` on users, groups or ' +
    'service accounts, `create` on `pods/exec`, `pods/attach` or `serviceaccounts/token`, or `nodes/proxy`.',
  why:
    'Each is a way out of the role: binding cluster-admin to itself, acting as another identity, running commands in ' +
    'a more privileged pod or minting its service account\'s token. A pipeline service account with one of them turns ' +
    'any code execution in a job into control of the namespace or the cluster.',
  remediation: 'Drop the verb; give people, not workloads, the rights to manage roles, impersonate or exec into pods.',
  bad: [
    { file: 'k8s/rbac.yaml', code: clusterRole('["create"]', '["pods/exec"]') },
    { file: 'k8s/rbac.yaml', code: clusterRole('["bind", "get"]', '["clusterroles"]').replace('apiGroups: [""]', 'apiGroups: ["rbac.authorization.k8s.io"]') },
  ],
  good: [{ file: 'k8s/rbac.yaml', code: clusterRole('["get", "list"]', '["pods", "pods/log"]') }],
  references: [RBAC_DOCS, 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/#privilege-escalation-risks'],
  check(ctx) {
    for (const rule of policyRules(ctx.objects)) {
      for (const { verbs, resources, reach } of ESCALATIONS) {
        const verb = rule.verbs.find((v) => verbs.includes(v));
        const at = rule.resources.findIndex((r) => resources.includes(r));
        // A rule that names "*" is the wildcard rules' finding.
        if (verb && at !== -1) ctx.report(rule.object, [...rule.path, 'resources', at], { message: `${rule.role} can ${verb} ${rule.resources[at]}: it can ${reach}` });
      }
    }
  },
};
