import type { K8sRule } from '../k8s-rule.js';
import { valueAt } from '../parse.js';
import { isWorkload } from '../workloads.js';

export const defaultNamespace: K8sRule = {
  id: 'k8s.default-namespace',
  title: 'Workload in the default namespace',
  category: 'iac',
  severity: 'low',
  confidence: 'medium',
  cwe: ['CWE-653'],
  what: 'Finds workloads with `namespace: default` or no namespace at all (they land in whatever namespace kubectl targets, usually default).',
  why:
    'The default namespace is shared by everything deployed carelessly: RBAC grants, NetworkPolicies and quotas meant for ' +
    'other apps apply to the pipeline too, and its secrets sit beside theirs.',
  remediation: 'Give every workload an explicit, dedicated namespace (`metadata.namespace: data-pipeline`).',
  bad: [{ file: 'k8s/pod.yaml', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: etl\n  namespace: default\nspec:\n  containers:\n    - name: etl\n      image: etl:1.0.0\n' }],
  good: [{ file: 'k8s/pod.yaml', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: etl\n  namespace: ingest\nspec:\n  containers:\n    - name: etl\n      image: etl:1.0.0\n' }],
  references: ['https://kubernetes.io/docs/concepts/overview/working-with-objects/namespaces/', 'https://cwe.mitre.org/data/definitions/653.html'],
  check(ctx) {
    for (const object of ctx.objects) {
      if (!isWorkload(object)) continue;
      const namespace = valueAt(object.data, ['metadata', 'namespace']);
      if (namespace !== undefined && namespace !== null && namespace !== 'default') continue;
      const name = String(valueAt(object.data, ['metadata', 'name']) ?? object.kind);
      ctx.report(object, namespace === undefined ? ['metadata'] : ['metadata', 'namespace'], {
        message: `${object.kind} "${name}" ${namespace === undefined ? 'names no namespace' : 'is in the default namespace'}`,
        confidence: namespace === undefined ? 'low' : 'medium',
      });
    }
  },
};
