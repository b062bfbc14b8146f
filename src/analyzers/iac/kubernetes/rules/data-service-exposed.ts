import { DATA_PORTS, isDataImage } from '../../data-services.js';
import { K8S_DOCS, type K8sRule } from '../k8s-rule.js';
import { isRecord, listAt, recordAt, valueAt, type K8sObject } from '../parse.js';
import type { PodView } from '../workloads.js';

/** Annotations that make a cloud load balancer internal (AWS, GKE, Azure, OCI), by the value that does. */
const INTERNAL_LB: ReadonlyArray<[key: string, internal: RegExp]> = [
  ['service.beta.kubernetes.io/aws-load-balancer-internal', /^(?!false$)/i],
  ['service.beta.kubernetes.io/aws-load-balancer-scheme', /^internal$/i],
  ['networking.gke.io/load-balancer-type', /^internal$/i],
  ['cloud.google.com/load-balancer-type', /^internal$/i],
  ['service.beta.kubernetes.io/azure-load-balancer-internal', /^true$/i],
  ['service.beta.kubernetes.io/oci-load-balancer-internal', /^true$/i],
];

const service = (type: string, extra = '') =>
  `apiVersion: v1\nkind: Service\nmetadata:\n  name: warehouse\n  namespace: data\n${extra}spec:\n  type: ${type}\n  selector:\n    app: warehouse\n  ports:\n    - port: 5432\n`;

export const dataServiceExposed: K8sRule = {
  id: 'k8s.data-service-exposed',
  title: 'Database, queue or cache exposed outside the cluster',
  category: 'iac',
  severity: 'high',
  confidence: 'medium',
  cwe: ['CWE-1327', 'CWE-668'],
  what:
    'Finds Services of type LoadBalancer (high) or NodePort (medium) in front of a data store: a port that is a database’s, ' +
    'cache’s, queue’s or search engine’s well-known one (5432, 3306, 27017, 6379, 9200, 9092, …), or a selector that picks ' +
    'pods of such an image in the same file. A load balancer made internal by its cloud annotation, or limited by ' +
    '`loadBalancerSourceRanges` that do not include 0.0.0.0/0, is left alone.',
  why:
    'A LoadBalancer Service gets a public address on most clouds, and a NodePort one answers on every node’s address: the ' +
    'warehouse or the broker is then reachable from outside the cluster, where it is found by mass scanners and tried ' +
    'with default credentials — often without the authentication nobody set up for an in-cluster service.',
  remediation:
    'Use a ClusterIP Service and reach the store from inside the cluster (or through a bastion / private link); if it must ' +
    'be a load balancer, make it internal with the cloud’s annotation and set loadBalancerSourceRanges.',
  bad: [
    { file: 'k8s/warehouse-svc.yaml', code: service('LoadBalancer') },
    { file: 'k8s/warehouse-svc.yaml', code: service('NodePort') },
  ],
  good: [
    { file: 'k8s/warehouse-svc.yaml', code: service('ClusterIP') },
    { file: 'k8s/warehouse-svc.yaml', code: service('LoadBalancer', '  annotations:\n    networking.gke.io/load-balancer-type: Internal\n') },
    { file: 'k8s/warehouse-svc.yaml', code: `${service('LoadBalancer')}  loadBalancerSourceRanges:\n    - 10.20.0.0/16\n` },
  ],
  references: ['https://kubernetes.io/docs/concepts/services-networking/service/#publishing-services-service-types', K8S_DOCS, 'https://cwe.mitre.org/data/definitions/1327.html'],
  check(ctx) {
    for (const object of ctx.objects) {
      if (object.kind !== 'Service') continue;
      const type = valueAt(object.data, ['spec', 'type']);
      if ((type !== 'LoadBalancer' && type !== 'NodePort') || (type === 'LoadBalancer' && (isInternal(object) || isRestricted(object)))) continue;
      const store = dataStoreBehind(object, ctx.pods);
      if (!store) continue;
      const reach = type === 'LoadBalancer' ? 'a load balancer that is reachable from outside the cluster' : 'a port on every node';
      ctx.report(object, ['spec', 'type'], {
        message: `Service "${String(valueAt(object.data, ['metadata', 'name']) ?? '(unnamed)')}" exposes ${store} on ${reach}`,
        ...(type === 'NodePort' ? { severity: 'medium' as const } : {}),
      });
    }
  },
};

function isInternal(object: K8sObject): boolean {
  const annotations = recordAt(object.data, ['metadata', 'annotations']) ?? {};
  return INTERNAL_LB.some(([key, internal]) => typeof annotations[key] === 'string' && internal.test(annotations[key].trim()));
}

/** Source ranges that leave out the internet. */
function isRestricted(object: K8sObject): boolean {
  const ranges = listAt(object.data, ['spec', 'loadBalancerSourceRanges']).map(String);
  return ranges.length > 0 && !ranges.some((r) => /^(0\.0\.0\.0\/0|::\/0)$/.test(r.trim()));
}

/** What data store the Service fronts: a well-known port of one, or the image of the pods its selector picks in this file. */
function dataStoreBehind(object: K8sObject, pods: readonly PodView[]): string | undefined {
  for (const port of listAt(object.data, ['spec', 'ports'])) {
    if (!isRecord(port)) continue;
    for (const number of [port['port'], port['targetPort']]) {
      const label = typeof number === 'number' ? DATA_PORTS.get(number) : undefined;
      if (label) return `${label} (port ${number})`;
    }
  }
  const selector = recordAt(object.data, ['spec', 'selector']);
  if (!selector || Object.keys(selector).length === 0) return undefined;
  for (const pod of pods) {
    const labels = recordAt(pod.object.data, [...pod.metadataPath, 'labels']) ?? {};
    if (!Object.entries(selector).every(([k, v]) => labels[k] === v)) continue;
    const image = pod.containers.map((c) => c.container['image']).find((i): i is string => typeof i === 'string' && isDataImage(i));
    if (image) return image;
  }
  return undefined;
}
