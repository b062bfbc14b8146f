import type { K8sRule } from '../k8s-rule.js';
import { automountToken } from './automount-token.js';
import { dangerousCapabilities } from './capabilities.js';
import { dataServiceExposed } from './data-service-exposed.js';
import { defaultCredentials } from './default-credentials.js';
import { defaultNamespace } from './default-namespace.js';
import { hostIpc } from './host-ipc.js';
import { hostNetwork } from './host-network.js';
import { hostPath } from './host-path.js';
import { hostPid } from './host-pid.js';
import { imageLatest } from './image-latest.js';
import { privilegeEscalation } from './privilege-escalation.js';
import { privileged } from './privileged.js';
import { rbacClusterAdmin } from './rbac-cluster-admin.js';
import { rbacEscalation } from './rbac-escalation.js';
import { rbacSecretAccess } from './rbac-secret-access.js';
import { rbacWildcardResources } from './rbac-wildcard-resources.js';
import { rbacWildcardVerbs } from './rbac-wildcard-verbs.js';
import { readOnlyRootFs } from './read-only-root-fs.js';
import { resourceLimits } from './resource-limits.js';
import { runAsNonRoot } from './run-as-non-root.js';
import { runAsRoot } from './run-as-root.js';
import { runtimeSocket } from './runtime-socket.js';
import { seccompUnconfined } from './seccomp-unconfined.js';
import { secretInEnv } from './secret-in-env.js';

export const k8sRules: K8sRule[] = [
  privileged,
  runAsRoot,
  runAsNonRoot,
  privilegeEscalation,
  dangerousCapabilities,
  hostNetwork,
  hostPid,
  hostIpc,
  hostPath,
  runtimeSocket,
  secretInEnv,
  defaultCredentials,
  dataServiceExposed,
  resourceLimits,
  imageLatest,
  automountToken,
  readOnlyRootFs,
  defaultNamespace,
  seccompUnconfined,
  rbacWildcardVerbs,
  rbacWildcardResources,
  rbacEscalation,
  rbacSecretAccess,
  rbacClusterAdmin,
];
