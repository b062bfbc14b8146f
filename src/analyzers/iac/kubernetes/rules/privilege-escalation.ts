import { K8S_DOCS, type K8sRule } from '../k8s-rule.js';
import { reportUnlessSet } from '../workloads.js';

export const privilegeEscalation: K8sRule = {
  id: 'k8s.allow-privilege-escalation',
  title: 'Container allows privilege escalation',
  category: 'iac',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-269'],
  what: 'Finds containers that do not set `allowPrivilegeEscalation: false` (the default is to allow it).',
  why:
    'Unless `no_new_privs` is set, a process can gain privileges through setuid binaries or file capabilities in the ' +
    'image — a common second step after code execution in a container.',
  remediation: 'Set `securityContext.allowPrivilegeEscalation: false` on every container.',
  bad: [
    {
      file: 'k8s/pod.yaml',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: etl\nspec:\n  containers:\n    - name: etl\n      image: etl:1.0.0\n      securityContext:\n        allowPrivilegeEscalation: true\n',
    },
    { file: 'k8s/pod.yaml', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: etl\nspec:\n  containers:\n    - name: etl\n      image: etl:1.0.0\n' },
  ],
  good: [
    {
      file: 'k8s/pod.yaml',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: etl\nspec:\n  containers:\n    - name: etl\n      image: etl:1.0.0\n      securityContext:\n        allowPrivilegeEscalation: false\n',
    },
  ],
  references: [K8S_DOCS, 'https://cwe.mitre.org/data/definitions/269.html'],
  check(ctx) {
    reportUnlessSet(ctx, 'allowPrivilegeEscalation', false, (c, setting) =>
      setting ? `Container "${c.name}" sets allowPrivilegeEscalation: ${String(setting.value)}` : `Container "${c.name}" does not set allowPrivilegeEscalation: false`,
    );
  },
};
