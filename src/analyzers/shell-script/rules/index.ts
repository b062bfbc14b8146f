import type { ShellRule } from '../shell-rule.js';
import { shellCurlPipeShell } from './curl-pipe-shell.js';

export const shellRules: ShellRule[] = [shellCurlPipeShell];
