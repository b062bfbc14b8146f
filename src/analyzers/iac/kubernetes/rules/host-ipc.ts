import { hostNamespaceRule } from '../host-namespace.js';

export const hostIpc = hostNamespaceRule({
  id: 'k8s.host-ipc',
  field: 'hostIPC',
  title: 'Pod shares the host IPC namespace',
  severity: 'medium',
  why:
    'Sharing the host’s IPC namespace exposes shared memory segments and message queues of every process on the node, ' +
    'which other workloads may use to pass data the pipeline must not see.',
});
