import { DEFAULT_ACCESS_SUMMARY, DEFAULT_ACCESS_WHY, defaultAccessOf, type ContainerStart } from '../../default-access.js';
import { K8S_DOCS, type K8sRule } from '../k8s-rule.js';
import { isRecord, listAt } from '../parse.js';
import type { ContainerView } from '../workloads.js';

const pod = (container: string): string =>
  `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: lake\nspec:\n  template:\n    spec:\n      containers:\n        - name: store\n${container}`;

export const defaultCredentials: K8sRule = {
  id: 'k8s.default-credentials',
  title: 'Data service container keeps its default password or has no authentication',
  category: 'iac',
  severity: 'high',
  confidence: 'medium',
  cwe: ['CWE-1393', 'CWE-306'],
  what:
    `Finds containers of well-known data service images started without the settings that protect them: ${DEFAULT_ACCESS_SUMMARY} ` +
    'A variable from a Secret, an `envFrom` source or a mounted configuration directory may set them, so the container is then left alone.',
  why: `${DEFAULT_ACCESS_WHY} In a cluster without NetworkPolicies that is any pod.`,
  remediation: 'Set the service’s credentials from a Secret (`valueFrom.secretKeyRef`), or switch its authentication on, and restrict who can reach it with a NetworkPolicy.',
  bad: [
    { file: 'k8s/lake.yaml', code: pod('          image: minio/minio:RELEASE.2024-11-07T00-52-20Z\n          args: ["server", "/data"]\n') },
    { file: 'k8s/lake.yaml', code: pod('          image: mongo:7.0\n') },
  ],
  good: [
    {
      file: 'k8s/lake.yaml',
      code: pod(
        '          image: minio/minio:RELEASE.2024-11-07T00-52-20Z\n          args: ["server", "/data"]\n          env:\n            - name: MINIO_ROOT_USER\n              value: lake-admin\n' +
          '            - name: MINIO_ROOT_PASSWORD\n              valueFrom:\n                secretKeyRef: {name: minio, key: password}\n',
      ),
    },
    { file: 'k8s/lake.yaml', code: pod('          image: mongo:7.0\n          envFrom:\n            - secretRef:\n                name: mongo-root\n') },
  ],
  references: ['https://cwe.mitre.org/data/definitions/1393.html', 'https://cwe.mitre.org/data/definitions/306.html', K8S_DOCS],
  check(ctx) {
    for (const p of ctx.pods) {
      for (const c of p.containers) {
        const start = containerStart(c);
        const open = start && defaultAccessOf(start);
        if (!open) continue;
        const entry = open.variable === undefined ? -1 : listAt(c.container, ['env']).findIndex((e) => isRecord(e) && e['name'] === open.variable);
        ctx.report(p.object, entry === -1 ? [...c.path, 'image'] : [...c.path, 'env', entry, 'value'], { message: `Container "${c.name}" runs ${open.message}`, cwe: [open.cwe] });
      }
    }
  },
};

function containerStart(c: ContainerView): ContainerStart | undefined {
  const image = c.container['image'];
  if (typeof image !== 'string') return undefined;
  const env = new Map<string, string | undefined>();
  for (const entry of listAt(c.container, ['env'])) {
    if (isRecord(entry) && typeof entry['name'] === 'string') env.set(entry['name'], typeof entry['value'] === 'string' ? entry['value'] : undefined);
  }
  const mounts = listAt(c.container, ['volumeMounts']).flatMap((m) => (isRecord(m) && typeof m['mountPath'] === 'string' ? [m['mountPath'].replace(/\/+$/, '')] : []));
  const words = [...listAt(c.container, ['command']), ...listAt(c.container, ['args'])].map(String);
  return { image, env, moreEnv: listAt(c.container, ['envFrom']).length > 0, mounts, command: words.join(' ') };
}
