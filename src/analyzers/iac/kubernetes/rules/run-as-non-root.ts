import { K8S_DOCS, type K8sRule } from '../k8s-rule.js';
import { effectiveSetting } from '../workloads.js';

export const runAsNonRoot: K8sRule = {
  id: 'k8s.run-as-non-root-missing',
  title: 'Container may run as root (runAsNonRoot not set)',
  category: 'iac',
  severity: 'medium',
  confidence: 'medium',
  cwe: ['CWE-250'],
  what:
    'Finds containers for which neither the container nor the pod sets `runAsNonRoot: true` or a non-zero `runAsUser`, ' +
    'so the image’s USER decides — and most images default to root.',
  why:
    '`runAsNonRoot: true` makes the kubelet refuse to start a container that would run as uid 0, so an image rebuilt ' +
    'without its USER line (or a base image swap) cannot silently put root back into the pipeline.',
  remediation: 'Set `securityContext.runAsNonRoot: true` on the pod (or container), and a non-zero `runAsUser`.',
  bad: [
    {
      file: 'k8s/deploy.yaml',
      code:
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n' +
        '      containers:\n        - name: api\n          image: api:3.2.0\n',
    },
  ],
  good: [
    {
      file: 'k8s/deploy.yaml',
      code:
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      securityContext:\n        runAsNonRoot: true\n' +
        '      containers:\n        - name: api\n          image: api:3.2.0\n',
    },
  ],
  references: [K8S_DOCS, 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/'],
  check(ctx) {
    for (const pod of ctx.pods) {
      for (const c of pod.containers) {
        const nonRoot = effectiveSetting(pod, c, 'runAsNonRoot');
        const user = effectiveSetting(pod, c, 'runAsUser');
        // runAsUser: 0 is k8s.run-as-root's finding; a non-zero uid already keeps root out.
        if (nonRoot?.value === true || typeof user?.value === 'number') continue;
        ctx.report(pod.object, nonRoot?.path ?? c.path, { message: `Container "${c.name}" does not set runAsNonRoot: true, so it runs as root if its image does` });
      }
    }
  },
};
