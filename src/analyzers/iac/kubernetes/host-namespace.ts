import type { RuleExample } from '../../../core/rule.js';
import { K8S_DOCS, type K8sRule } from './k8s-rule.js';
import { valueAt } from './parse.js';

interface HostNamespace {
  id: string;
  /** The pod-spec field: hostNetwork, hostPID or hostIPC. */
  field: string;
  title: string;
  why: string;
  severity: K8sRule['severity'];
}

function podWith(field: string, value: boolean): RuleExample {
  return {
    file: 'k8s/pod.yaml',
    code: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: worker\nspec:\n  ${field}: ${value}\n  containers:\n    - name: worker\n      image: worker:1.2.3\n`,
  };
}

/** The three host-namespace rules differ only in the field and why sharing it hurts. */
export function hostNamespaceRule(spec: HostNamespace): K8sRule {
  return {
    id: spec.id,
    title: spec.title,
    category: 'iac',
    severity: spec.severity,
    confidence: 'high',
    cwe: ['CWE-668'],
    what: `Finds pod specs that set \`${spec.field}: true\`, sharing a host namespace with the pod.`,
    why: spec.why,
    remediation: `Remove \`${spec.field}: true\`; expose what is needed through a Service, a volume or a sidecar instead.`,
    bad: [podWith(spec.field, true)],
    good: [podWith(spec.field, false)],
    references: [K8S_DOCS, 'https://cwe.mitre.org/data/definitions/668.html'],
    check(ctx) {
      for (const pod of ctx.pods) {
        const path = [...pod.path, spec.field];
        if (valueAt(pod.object.data, path) === true) ctx.report(pod.object, path, { message: `${pod.object.kind} shares the host's ${spec.field.slice(4)} namespace (${spec.field}: true)` });
      }
    },
  };
}
