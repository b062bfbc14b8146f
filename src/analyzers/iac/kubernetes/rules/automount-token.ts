import { K8S_DOCS, type K8sRule } from '../k8s-rule.js';
import { valueAt } from '../parse.js';

export const automountToken: K8sRule = {
  id: 'k8s.automount-service-account-token',
  title: 'Service-account token is mounted into the pod',
  category: 'iac',
  severity: 'low',
  confidence: 'medium',
  cwe: ['CWE-522'],
  what:
    'Finds pod specs that do not set `automountServiceAccountToken: false`, where the ServiceAccount they use (when it is ' +
    'defined in the same file) does not turn automounting off either.',
  why:
    'Every container then holds a bearer token for the Kubernetes API. A batch job rarely calls the API; an attacker who ' +
    'gets code execution in it uses the token to list secrets or start pods with whatever RBAC the account has.',
  remediation: 'Set `automountServiceAccountToken: false` on the pod (or its ServiceAccount); mount a projected token only where the API is used.',
  bad: [{ file: 'k8s/pod.yaml', code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: etl\nspec:\n  containers:\n    - name: etl\n      image: etl:1.0.0\n' }],
  good: [
    {
      file: 'k8s/pod.yaml',
      code: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: etl\nspec:\n  automountServiceAccountToken: false\n  containers:\n    - name: etl\n      image: etl:1.0.0\n',
    },
    {
      file: 'k8s/pod.yaml',
      code:
        'apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: etl\nautomountServiceAccountToken: false\n---\n' +
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: etl\nspec:\n  serviceAccountName: etl\n  containers:\n    - name: etl\n      image: etl:1.0.0\n',
    },
  ],
  references: ['https://kubernetes.io/docs/tasks/configure-pod-container/configure-service-account/#opt-out-of-api-credential-automounting', K8S_DOCS],
  check(ctx) {
    const optedOut = new Set(
      ctx.objects.filter((o) => o.kind === 'ServiceAccount' && o.data['automountServiceAccountToken'] === false).map((o) => String(valueAt(o.data, ['metadata', 'name']))),
    );
    for (const pod of ctx.pods) {
      const path = [...pod.path, 'automountServiceAccountToken'];
      const value = valueAt(pod.object.data, path);
      const account = String(pod.spec['serviceAccountName'] ?? pod.spec['serviceAccount'] ?? 'default');
      if (value === false || (value === undefined && optedOut.has(account))) continue;
      ctx.report(pod.object, value === undefined ? pod.path : path, { message: `${pod.object.kind} mounts the "${account}" service-account token into its containers` });
    }
  },
};
