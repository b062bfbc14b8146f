import type { NotebookRule } from '../notebook-rule.js';
import { notebookCurlPipeShell } from './curl-pipe-shell.js';
import { notebookDockerRunHostAccess } from './docker-run-host-access.js';
import { outputPersonalData } from './output-personal-data.js';
import { outputStackTrace } from './output-stack-trace.js';
import { shellEscapeInjection } from './shell-escape-injection.js';
import { sqlMagicInjection } from './sql-magic-injection.js';
import { notebookTlsVerifyDisabled } from './tls-verify-disabled.js';
import { unpinnedPipInstall } from './unpinned-pip-install.js';

export const notebookRules: NotebookRule[] = [unpinnedPipInstall, notebookCurlPipeShell, notebookTlsVerifyDisabled, notebookDockerRunHostAccess, shellEscapeInjection, sqlMagicInjection, outputStackTrace, outputPersonalData];
