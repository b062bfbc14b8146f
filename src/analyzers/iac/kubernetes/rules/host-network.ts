import { hostNamespaceRule } from '../host-namespace.js';

export const hostNetwork = hostNamespaceRule({
  id: 'k8s.host-network',
  field: 'hostNetwork',
  title: 'Pod uses the host network',
  severity: 'high',
  why:
    'With the node’s network namespace the pod can bind the node’s ports, reach services listening on localhost ' +
    '(kubelet, metadata proxies) and bypass NetworkPolicies that isolate the pipeline’s databases.',
});
