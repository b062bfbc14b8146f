import type { PythonRule } from '../python-rule.js';
import { assertValidation } from './assert-validation.js';
import { exceptPass } from './except-pass.js';
import { evalExec } from './eval-exec.js';
import { marshalLoad } from './marshal-load.js';
import { numpyAllowPickle } from './numpy-allow-pickle.js';
import { osSystem } from './os-system.js';
import { pandasReadPickle } from './pandas-read-pickle.js';
import { pickleLoad } from './pickle-load.js';
import { sqlFormattedQuery } from './sql-formatted-query.js';
import { subprocessShell } from './subprocess-shell.js';
import { tarfileExtractall } from './tarfile-extractall.js';
import { tlsVerifyDisabled } from './tls-verify-disabled.js';
import { torchLoad } from './torch-load.js';
import { yamlLoad } from './yaml-load.js';
import { redosRegex } from './redos-regex.js';
import { taintRules } from '../taint/rules/index.js';
import { weakHash } from './weak-hash.js';
import { tempfileMktemp } from './tempfile-mktemp.js';
import { httpNoTimeout } from './http-no-timeout.js';
import { httpUrl } from './http-url.js';
import { dbSslmodeDisable } from './db-sslmode-disable.js';
import { flaskDebug } from './flask-debug.js';
import { paramikoAutoAddPolicy } from './paramiko-auto-add-policy.js';
import { sslInsecureVersion } from './ssl-insecure-version.js';
import { weakCipher } from './weak-cipher.js';
import { bindAllInterfaces } from './bind-all-interfaces.js';

export const pythonRules: PythonRule[] = [
  pickleLoad,
  marshalLoad,
  pandasReadPickle,
  numpyAllowPickle,
  torchLoad,
  yamlLoad,
  evalExec,
  osSystem,
  subprocessShell,
  sqlFormattedQuery,
  tlsVerifyDisabled,
  tarfileExtractall,
  ...taintRules,
  redosRegex,
  weakHash,
  tempfileMktemp,
  httpNoTimeout,
  httpUrl,
  dbSslmodeDisable,
  flaskDebug,
  paramikoAutoAddPolicy,
  sslInsecureVersion,
  weakCipher,
  bindAllInterfaces,
  exceptPass,
  assertValidation,
];
