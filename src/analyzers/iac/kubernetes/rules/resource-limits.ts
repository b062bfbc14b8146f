import type { K8sRule } from '../k8s-rule.js';
import { recordAt } from '../parse.js';

export const resourceLimits: K8sRule = {
  id: 'k8s.no-resource-limits',
  title: 'Container has no CPU or memory limit',
  category: 'iac',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-770'],
  what: 'Finds containers without `resources.limits.cpu` or `resources.limits.memory`.',
  why:
    'A pipeline step fed a huge or hostile file (a decompression bomb, a billion-row CSV) grows without bound and starves ' +
    'or OOM-kills every other workload on the node; a limit confines the damage to the one pod.',
  remediation: 'Set `resources.limits.cpu` and `resources.limits.memory` (and matching requests) on every container.',
  bad: [{ file: 'k8s/pod.yaml', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: etl\nspec:\n  containers:\n    - name: etl\n      image: etl:1.0.0\n' }],
  good: [
    {
      file: 'k8s/pod.yaml',
      code:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: etl\nspec:\n  containers:\n    - name: etl\n      image: etl:1.0.0\n' +
        '      resources:\n        limits:\n          cpu: "2"\n          memory: 4Gi\n',
    },
  ],
  references: ['https://kubernetes.io/docs/concepts/configuration/manage-resources-containers/', 'https://cwe.mitre.org/data/definitions/770.html'],
  check(ctx) {
    for (const pod of ctx.pods) {
      for (const c of pod.containers) {
        const limits = recordAt(c.container, ['resources', 'limits']) ?? {};
        const missing = ['cpu', 'memory'].filter((r) => limits[r] === undefined || limits[r] === null);
        if (missing.length === 0) continue;
        ctx.report(pod.object, c.path, { message: `Container "${c.name}" has no ${missing.join(' or ')} limit` });
      }
    }
  },
};

