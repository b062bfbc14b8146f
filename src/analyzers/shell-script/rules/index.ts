import type { ShellRule } from '../shell-rule.js';
import { shellCurlPipeShell } from './curl-pipe-shell.js';
import { shellTlsVerifyDisabled } from './tls-verify-disabled.js';

export const shellRules: ShellRule[] = [shellCurlPipeShell, shellTlsVerifyDisabled];
