import type { ComposeRule } from '../compose-rule.js';
import { composeDangerousCapabilities } from './dangerous-capabilities.js';
import { composeDefaultCredentials } from './default-credentials.js';
import { composeHostNamespace } from './host-namespace.js';
import { composeHostPathMount } from './host-path-mount.js';
import { composeImageLatest } from './image-latest.js';
import { composePortOnAllInterfaces } from './port-on-all-interfaces.js';
import { composePrivileged } from './privileged.js';
import { composeRuntimeSocket } from './runtime-socket.js';
import { composeSecurityOptUnconfined } from './security-opt-unconfined.js';

export const composeRules: ComposeRule[] = [
  composePrivileged,
  composeRuntimeSocket,
  composeHostNamespace,
  composeDangerousCapabilities,
  composeSecurityOptUnconfined,
  composeHostPathMount,
  composeImageLatest,
  composePortOnAllInterfaces,
  composeDefaultCredentials,
];
