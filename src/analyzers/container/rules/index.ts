import type { DockerRule } from '../docker-rule.js';
import { addUrl } from './add-url.js';
import { apkUnpinned } from './apk-unpinned.js';
import { aptRecommends } from './apt-recommends.js';
import { aptUnpinned } from './apt-unpinned.js';
import { baseLatest } from './base-latest.js';
import { chmod777 } from './chmod-777.js';
import { credentialFileCopied } from './credential-file-copied.js';
import { curlPipeShell } from './curl-pipe-shell.js';
import { npmUnpinned } from './npm-unpinned.js';
import { pipUnpinned } from './pip-unpinned.js';
import { rootUser } from './root-user.js';
import { secretInArg } from './secret-in-arg.js';
import { secretInEnv } from './secret-in-env.js';
import { sudo } from './sudo.js';
import { dockerTlsVerifyDisabled } from './tls-verify-disabled.js';

export const dockerRules: DockerRule[] = [
  rootUser,
  baseLatest,
  curlPipeShell,
  dockerTlsVerifyDisabled,
  addUrl,
  secretInEnv,
  secretInArg,
  credentialFileCopied,
  aptUnpinned,
  aptRecommends,
  apkUnpinned,
  pipUnpinned,
  npmUnpinned,
  sudo,
  chmod777,
];
