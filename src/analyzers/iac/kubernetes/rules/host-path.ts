import { K8S_DOCS, type K8sRule } from '../k8s-rule.js';
import { isRecord, listAt } from '../parse.js';
import type { PodView } from '../workloads.js';

/**
 * Sockets of container runtimes, and the directories that hold them (/run and /var/run hold
 * docker.sock): mounting one hands out control of every container on the node.
 */
const RUNTIME_SOCKETS = /(^|\/)(docker|containerd|crio|cri-dockerd|podman)\.sock$|^\/var\/run\/docker$|^\/run\/containerd\/?$|^\/(var\/)?run$/;

/** hostPath volumes of a pod, with their path. */
export function hostPathVolumes(pod: PodView): Array<{ index: number; path: string }> {
  return listAt(pod.spec, ['volumes']).flatMap((volume, index) => {
    const hostPath = isRecord(volume) && isRecord(volume['hostPath']) ? volume['hostPath'] : undefined;
    return hostPath && typeof hostPath['path'] === 'string' ? [{ index, path: hostPath['path'] }] : [];
  });
}

export function isRuntimeSocket(path: string): boolean {
  return RUNTIME_SOCKETS.test(path.replace(/\/+$/, '') || '/');
}

export const hostPath: K8sRule = {
  id: 'k8s.host-path',
  title: 'Pod mounts a hostPath volume',
  category: 'iac',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-668'],
  what: 'Finds `hostPath` volumes (container runtime sockets are k8s.container-runtime-socket’s finding).',
  why:
    'A hostPath volume reaches past the container onto the node’s filesystem: other pods’ data, kubelet credentials, ' +
    'logs. Mounted writable, it lets a compromised container plant files the node will execute.',
  remediation: 'Use a PersistentVolumeClaim, an emptyDir or a ConfigMap/Secret volume instead; if unavoidable, mount read-only and as narrow a path as possible.',
  bad: [
    {
      file: 'k8s/pod.yaml',
      code:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: reader\nspec:\n  containers:\n    - name: r\n      image: r:1.0.0\n' +
        '  volumes:\n    - name: host\n      hostPath:\n        path: /var/lib\n',
    },
  ],
  good: [
    {
      file: 'k8s/pod.yaml',
      code:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: reader\nspec:\n  containers:\n    - name: r\n      image: r:1.0.0\n' +
        '  volumes:\n    - name: data\n      persistentVolumeClaim:\n        claimName: landing\n',
    },
  ],
  references: ['https://kubernetes.io/docs/concepts/storage/volumes/#hostpath', K8S_DOCS],
  check(ctx) {
    for (const pod of ctx.pods) {
      for (const volume of hostPathVolumes(pod)) {
        if (isRuntimeSocket(volume.path)) continue;
        ctx.report(pod.object, [...pod.path, 'volumes', volume.index, 'hostPath', 'path'], { message: `${pod.object.kind} mounts the host path ${volume.path}` });
      }
    }
  },
};
