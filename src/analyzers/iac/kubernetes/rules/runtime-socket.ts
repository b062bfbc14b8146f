import { K8S_DOCS, type K8sRule } from '../k8s-rule.js';
import { hostPathVolumes, isRuntimeSocket } from './host-path.js';

export const runtimeSocket: K8sRule = {
  id: 'k8s.container-runtime-socket',
  title: 'Pod mounts the container runtime socket (docker.sock)',
  category: 'iac',
  severity: 'critical',
  confidence: 'high',
  cwe: ['CWE-250'],
  what: 'Finds hostPath volumes of docker.sock, containerd.sock, crio.sock and similar runtime sockets, or of the directories that hold them (/run, /var/run, /run/containerd).',
  why:
    'Whoever can talk to the runtime socket can start a privileged container with the host’s root filesystem mounted: ' +
    'it is root on the node, and on every secret of every pod scheduled there.',
  remediation: 'Do not mount the runtime socket. Build images with a rootless builder (BuildKit rootless, kaniko) and run containers as Jobs.',
  bad: [
    {
      file: 'k8s/builder.yaml',
      code:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: builder\nspec:\n  containers:\n    - name: b\n      image: docker:27.3.1\n' +
        '  volumes:\n    - name: docker\n      hostPath:\n        path: /var/run/docker.sock\n',
    },
  ],
  good: [
    {
      file: 'k8s/builder.yaml',
      code:
        'apiVersion: v1\nkind: Pod\nmetadata:\n  name: builder\nspec:\n  containers:\n    - name: b\n      image: gcr.io/kaniko-project/executor:v1.23.2\n' +
        '  volumes:\n    - name: workspace\n      emptyDir: {}\n',
    },
  ],
  references: ['https://kubernetes.io/docs/concepts/storage/volumes/#hostpath', K8S_DOCS, 'https://cwe.mitre.org/data/definitions/250.html'],
  check(ctx) {
    for (const pod of ctx.pods) {
      for (const volume of hostPathVolumes(pod)) {
        if (!isRuntimeSocket(volume.path)) continue;
        ctx.report(pod.object, [...pod.path, 'volumes', volume.index, 'hostPath', 'path'], {
          message: `${pod.object.kind} mounts the container runtime socket ${volume.path}: root on the node`,
        });
      }
    }
  },
};
