import type { ShellRule } from '../shell-rule.js';
import { shellCurlPipeShell } from './curl-pipe-shell.js';
import { shellDockerRunHostAccess } from './docker-run-host-access.js';
import { shellTlsVerifyDisabled } from './tls-verify-disabled.js';

export const shellRules: ShellRule[] = [shellCurlPipeShell, shellDockerRunHostAccess, shellTlsVerifyDisabled];
