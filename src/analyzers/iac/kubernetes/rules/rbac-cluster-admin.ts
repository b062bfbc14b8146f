import type { K8sRule } from '../k8s-rule.js';
import { isRecord, listAt, valueAt } from '../parse.js';
import { RBAC_DOCS } from '../rbac.js';

/** Groups that contain every (authenticated) caller: binding them is cluster-admin for everyone. */
const EVERYONE = new Set(['system:authenticated', 'system:unauthenticated', 'system:serviceaccounts']);

function binding(subjectKind: string, subjectName: string): string {
  const namespace = subjectKind === 'ServiceAccount' ? '\n    namespace: pipelines' : '';
  return (
    'apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRoleBinding\nmetadata:\n  name: etl\nroleRef:\n  apiGroup: rbac.authorization.k8s.io\n' +
    `  kind: ClusterRole\n  name: ${subjectName === 'etl' ? 'cluster-admin' : 'etl-reader'}\nsubjects:\n  - kind: ${subjectKind}\n    name: ${subjectName}${namespace}\n`
  );
}

export const rbacClusterAdmin: K8sRule = {
  id: 'k8s.rbac.cluster-admin-binding',
  title: 'cluster-admin bound to a service account or group',
  category: 'iac',
  severity: 'critical',
  confidence: 'high',
  cwe: ['CWE-269'],
  what: 'Finds RoleBindings and ClusterRoleBindings that grant the `cluster-admin` ClusterRole to a ServiceAccount or a Group.',
  why:
    'cluster-admin can do anything to any resource. Bound to a workload’s service account, one compromised pipeline pod ' +
    'owns the cluster; bound to a group, every member does — and system:authenticated means everyone with any credential.',
  remediation: 'Bind a role that lists what the workload needs; keep cluster-admin for break-glass human accounts.',
  bad: [{ file: 'k8s/rbac.yaml', code: binding('ServiceAccount', 'etl') }],
  good: [{ file: 'k8s/rbac.yaml', code: binding('ServiceAccount', 'reader') }],
  references: [RBAC_DOCS, 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles'],
  check(ctx) {
    for (const object of ctx.objects) {
      if (object.kind !== 'ClusterRoleBinding' && object.kind !== 'RoleBinding') continue;
      if (valueAt(object.data, ['roleRef', 'kind']) !== 'ClusterRole' || valueAt(object.data, ['roleRef', 'name']) !== 'cluster-admin') continue;
      listAt(object.data, ['subjects']).forEach((subject, i) => {
        if (!isRecord(subject) || (subject['kind'] !== 'ServiceAccount' && subject['kind'] !== 'Group')) return;
        const name = String(subject['name']);
        const everyone = subject['kind'] === 'Group' && EVERYONE.has(name);
        ctx.report(object, ['subjects', i], {
          message: `${object.kind} grants cluster-admin to ${subject['kind']} ${name}${everyone ? ' — every caller in that group gets full control of the cluster' : ''}`,
        });
      });
    }
  },
};
