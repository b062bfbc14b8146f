import { hostNamespaceRule } from '../host-namespace.js';

export const hostPid = hostNamespaceRule({
  id: 'k8s.host-pid',
  field: 'hostPID',
  title: 'Pod shares the host PID namespace',
  severity: 'high',
  why:
    'Sharing the host’s process namespace lets the pod see every process on the node, read their command lines and ' +
    'environments (credentials passed as flags or variables) and, as root, signal or trace them.',
});
