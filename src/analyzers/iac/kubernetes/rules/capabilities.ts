import { K8S_DOCS, type K8sRule } from '../k8s-rule.js';
import { listAt } from '../parse.js';

/** Capabilities that amount to (or lead straight to) control of the node or its network; shared with the Compose rule. */
export const DANGEROUS_CAPABILITIES: ReadonlySet<string> = new Set(['ALL', 'SYS_ADMIN', 'NET_ADMIN', 'SYS_PTRACE', 'SYS_MODULE', 'SYS_RAWIO', 'DAC_READ_SEARCH', 'BPF', 'PERFMON', 'SYS_BOOT']);

/** A capability as listed above: `cap_sys_admin` and `SYS_ADMIN` are the same. */
export function capabilityName(cap: unknown): string {
  return String(cap).trim().toUpperCase().replace(/^CAP_/, '');
}

export const dangerousCapabilities: K8sRule = {
  id: 'k8s.dangerous-capabilities',
  title: 'Container adds a dangerous Linux capability',
  category: 'iac',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-250'],
  what: 'Finds `securityContext.capabilities.add` entries such as ALL, SYS_ADMIN, NET_ADMIN, SYS_PTRACE or SYS_MODULE.',
  why:
    'SYS_ADMIN is nearly root on the host (mounts, namespaces), NET_ADMIN rewrites the node’s network and can sniff other ' +
    'pods’ traffic, SYS_PTRACE reads other processes’ memory — credentials included. A pipeline step needs none of them.',
  remediation: 'Drop the capability (`capabilities: {drop: [ALL]}`) and add back only narrow ones such as NET_BIND_SERVICE if truly needed.',
  bad: [
    {
      file: 'k8s/pod.yaml',
      code:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: sniff\nspec:\n  containers:\n    - name: app\n      image: app:1.0.0\n' +
        '      securityContext:\n        capabilities:\n          add: ["NET_ADMIN", "SYS_ADMIN"]\n',
    },
  ],
  good: [
    {
      file: 'k8s/pod.yaml',
      code:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\nspec:\n  containers:\n    - name: app\n      image: app:1.0.0\n' +
        '      securityContext:\n        capabilities:\n          drop: ["ALL"]\n          add: ["NET_BIND_SERVICE"]\n',
    },
  ],
  references: [K8S_DOCS, 'https://man7.org/linux/man-pages/man7/capabilities.7.html'],
  check(ctx) {
    for (const pod of ctx.pods) {
      for (const c of pod.containers) {
        const path = [...c.path, 'securityContext', 'capabilities', 'add'];
        listAt(pod.object.data, path).forEach((cap, i) => {
          const name = capabilityName(cap);
          if (DANGEROUS_CAPABILITIES.has(name)) ctx.report(pod.object, [...path, i], { message: `Container "${c.name}" adds the ${name} capability` });
        });
      }
    }
  },
};
