import { parseImageRef } from '../../../../inventory/containers.js';
import type { K8sRule } from '../k8s-rule.js';

export const imageLatest: K8sRule = {
  id: 'k8s.image-latest',
  title: 'Container image uses the latest tag or no tag',
  category: 'iac',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-829'],
  what: 'Finds container images referenced as `:latest` or without any tag or digest.',
  why:
    '`latest` moves: each restart may pull different code than was reviewed and scanned, a compromised push to the tag ' +
    'reaches production at the next reschedule, and a rollback has nothing to go back to.',
  remediation: 'Reference images by an immutable version tag, better by digest (`image: repo/app:1.4.2@sha256:…`).',
  bad: [
    { file: 'k8s/pod.yaml', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: a\n      image: registry.example.com/etl:latest\n' },
    { file: 'k8s/pod.yaml', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: a\n      image: python\n' },
  ],
  good: [
    {
      file: 'k8s/pod.yaml',
      code:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\nspec:\n  containers:\n    - name: a\n      image: registry.example.com:5000/etl:2.3.1\n' +
        '    - name: b\n      image: python@sha256:0f2d3e5ad53fd8cfc4e36a1b0c2a8db9f8ed2b8b2d9a8f8c6f7b4c5d6e7f8a9b0\n',
    },
  ],
  references: ['https://kubernetes.io/docs/concepts/containers/images/#image-names', 'https://cwe.mitre.org/data/definitions/829.html'],
  check(ctx) {
    for (const pod of ctx.pods) {
      for (const c of pod.containers) {
        const image = c.container['image'];
        // Templated references (Argo `{{inputs.parameters.image}}`, `$(IMAGE)`) are resolved elsewhere.
        if (typeof image !== 'string' || /\{\{|\$/.test(image)) continue;
        const ref = parseImageRef(image.trim());
        if (ref.digest || (ref.tag && ref.tag !== 'latest')) continue;
        const why = ref.tag ? 'the mutable latest tag' : 'no tag, so latest';
        ctx.report(pod.object, [...c.path, 'image'], { message: `Container "${c.name}" uses ${image} — ${why}` });
      }
    }
  },
};

