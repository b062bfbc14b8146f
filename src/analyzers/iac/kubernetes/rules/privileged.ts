import { K8S_DOCS, type K8sRule } from '../k8s-rule.js';
import { containerSetting } from '../workloads.js';

export const privileged: K8sRule = {
  id: 'k8s.privileged',
  title: 'Privileged container',
  category: 'iac',
  severity: 'critical',
  confidence: 'high',
  cwe: ['CWE-250'],
  what: 'Finds containers whose securityContext sets `privileged: true`.',
  why:
    'A privileged container has every Linux capability and the host’s devices: a process in it that is compromised — say ' +
    'through a parser bug triggered by an ingested file — can mount the host disk, load kernel modules and take over the ' +
    'node with every other pipeline’s data and credentials on it.',
  remediation: 'Remove `privileged: true`; grant only the specific capability a tool needs (and usually none).',
  bad: [
    {
      file: 'k8s/ingest.yaml',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ingest\nspec:\n  containers:\n    - name: app\n      image: ingest:1.4.2\n      securityContext:\n        privileged: true\n',
    },
  ],
  good: [
    {
      file: 'k8s/ingest.yaml',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: ingest\nspec:\n  containers:\n    - name: app\n      image: ingest:1.4.2\n      securityContext:\n        privileged: false\n',
    },
  ],
  references: [K8S_DOCS, 'https://cwe.mitre.org/data/definitions/250.html'],
  check(ctx) {
    for (const pod of ctx.pods) {
      for (const c of pod.containers) {
        const setting = containerSetting(pod, c, 'privileged');
        if (setting?.value === true) ctx.report(pod.object, setting.path, { message: `Container "${c.name}" runs privileged: it has full access to the host` });
      }
    }
  },
};
