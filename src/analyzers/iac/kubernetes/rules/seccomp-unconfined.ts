import { K8S_DOCS, type K8sRule } from '../k8s-rule.js';
import { recordAt, valueAt } from '../parse.js';
import { effectiveSetting } from '../workloads.js';

const LEGACY_ANNOTATION = /^(seccomp\.security\.alpha\.kubernetes\.io\/pod|container\.seccomp\.security\.alpha\.kubernetes\.io\/.+)$/;

export const seccompUnconfined: K8sRule = {
  id: 'k8s.seccomp-unconfined',
  title: 'Seccomp profile is Unconfined',
  category: 'iac',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-693'],
  what: 'Finds `seccompProfile.type: Unconfined` on a pod or container, and the legacy `seccomp.security.alpha.kubernetes.io` annotations set to `unconfined`.',
  why:
    'Seccomp filters the system calls a container may make; most kernel exploits used for container escapes need calls ' +
    'the runtime’s default profile blocks. Unconfined removes that layer for the whole pod.',
  remediation: 'Use `seccompProfile: {type: RuntimeDefault}` (or a Localhost profile) on the pod.',
  bad: [
    {
      file: 'k8s/pod.yaml',
      code:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: etl\nspec:\n  securityContext:\n    seccompProfile:\n      type: Unconfined\n' +
        '  containers:\n    - name: etl\n      image: etl:1.0.0\n',
    },
  ],
  good: [
    {
      file: 'k8s/pod.yaml',
      code:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: etl\nspec:\n  securityContext:\n    seccompProfile:\n      type: RuntimeDefault\n' +
        '  containers:\n    - name: etl\n      image: etl:1.0.0\n',
    },
  ],
  references: ['https://kubernetes.io/docs/tutorials/security/seccomp/', K8S_DOCS],
  check(ctx) {
    for (const pod of ctx.pods) {
      const reported = new Set<string>();
      for (const c of pod.containers) {
        const profile = effectiveSetting(pod, c, 'seccompProfile');
        if (valueAt(profile?.value, ['type']) !== 'Unconfined') continue;
        const key = profile!.path.join('.');
        if (reported.has(key)) continue;
        reported.add(key);
        ctx.report(pod.object, [...profile!.path, 'type'], { message: `Container "${c.name}" runs without a seccomp profile (Unconfined)` });
      }
      for (const [name, value] of Object.entries(recordAt(pod.object.data, [...pod.metadataPath, 'annotations']) ?? {})) {
        if (LEGACY_ANNOTATION.test(name) && value === 'unconfined') {
          ctx.report(pod.object, [...pod.metadataPath, 'annotations', name], { message: `Annotation ${name} turns seccomp off` });
        }
      }
    }
  },
};
