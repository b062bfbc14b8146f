import { K8S_DOCS, type K8sRule } from '../k8s-rule.js';
import { reportUnlessSet } from '../workloads.js';

export const readOnlyRootFs: K8sRule = {
  id: 'k8s.writable-root-filesystem',
  title: 'Container root filesystem is writable',
  category: 'iac',
  severity: 'low',
  confidence: 'high',
  cwe: ['CWE-732'],
  what: 'Finds containers that do not set `readOnlyRootFilesystem: true`.',
  why:
    'A writable image filesystem lets an intruder replace the pipeline’s own code or libraries and persist until the pod ' +
    'is replaced; a read-only one confines writes to the volumes the job really needs.',
  remediation: 'Set `securityContext.readOnlyRootFilesystem: true` and mount an emptyDir for scratch space (/tmp).',
  bad: [{ file: 'k8s/pod.yaml', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: etl\nspec:\n  containers:\n    - name: etl\n      image: etl:1.0.0\n' }],
  good: [
    {
      file: 'k8s/pod.yaml',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: etl\nspec:\n  containers:\n    - name: etl\n      image: etl:1.0.0\n      securityContext:\n        readOnlyRootFilesystem: true\n',
    },
  ],
  references: [K8S_DOCS, 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/'],
  check(ctx) {
    reportUnlessSet(ctx, 'readOnlyRootFilesystem', true, (c) => `Container "${c.name}" can write to its root filesystem`);
  },
};
