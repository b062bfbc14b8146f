import { K8S_DOCS, type K8sRule } from '../k8s-rule.js';
import { effectiveSetting } from '../workloads.js';

export const runAsRoot: K8sRule = {
  id: 'k8s.run-as-root',
  title: 'Container explicitly runs as root (runAsUser: 0)',
  category: 'iac',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-250'],
  what: 'Finds containers whose effective `runAsUser` (the container’s, else the pod’s) is 0.',
  why:
    'Root in a container is root on the node’s kernel: one container escape, or one writable hostPath, and the attacker ' +
    'owns the node. Pipeline containers read files and talk to databases; none of that needs uid 0.',
  remediation: 'Set `runAsUser` to a non-zero uid (and `runAsNonRoot: true`), and build the image with a non-root USER.',
  bad: [
    {
      file: 'k8s/job.yaml',
      code:
        'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: load\nspec:\n  template:\n    spec:\n      securityContext:\n        runAsUser: 0\n' +
        '      containers:\n        - name: load\n          image: loader:2.0.1\n',
    },
  ],
  good: [
    {
      file: 'k8s/job.yaml',
      code:
        'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: load\nspec:\n  template:\n    spec:\n      securityContext:\n        runAsUser: 0\n' +
        '      containers:\n        - name: load\n          image: loader:2.0.1\n          securityContext:\n            runAsUser: 10001\n',
    },
  ],
  references: [K8S_DOCS, 'https://cwe.mitre.org/data/definitions/250.html'],
  check(ctx) {
    for (const pod of ctx.pods) {
      for (const c of pod.containers) {
        const user = effectiveSetting(pod, c, 'runAsUser');
        if (user?.value === 0) ctx.report(pod.object, user.path, { message: `Container "${c.name}" runs as root (runAsUser: 0)` });
      }
    }
  },
};
