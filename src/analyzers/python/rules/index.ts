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
import { xmlUnsafeParser } from './xml-unsafe-parser.js';
import { jinja2AutoescapeOff } from './jinja2-autoescape-off.js';
import { makoNoEscape } from './mako-no-escape.js';
import { insecureRandom } from './insecure-random.js';
import { hardcodedTmp } from './hardcoded-tmp.js';
import { chmodPermissive } from './chmod-permissive.js';
import { cleartextProtocol } from './cleartext-protocol.js';
import { urlopenScheme } from './urlopen-scheme.js';
import { huggingfaceRemoteCode } from './huggingface-remote-code.js';
import { huggingfaceUnpinned } from './huggingface-unpinned.js';
import { bidiControl } from './bidi-control.js';
import { weakKeySize } from './weak-key-size.js';
import { loggingConfigListen } from './logging-config-listen.js';
import { paramikoExecCommand } from './paramiko-exec-command.js';
import { airflowPrivilegedContainer } from './airflow-privileged-container.js';
import { dockerSdkPrivilegedContainer } from './docker-sdk-privileged-container.js';
import { dockerRunHostAccessFromCode } from './docker-run-host-access.js';
import { airflowTemplatedShell } from './airflow-templated-shell.js';
import { airflowTemplatedSql } from './airflow-templated-sql.js';
import { wildcardInjection } from './wildcard-injection.js';
import { curlPipeShell } from './curl-pipe-shell.js';
import { markupUnescaped } from './markup-unescaped.js';

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
  xmlUnsafeParser,
  jinja2AutoescapeOff,
  makoNoEscape,
  insecureRandom,
  hardcodedTmp,
  chmodPermissive,
  cleartextProtocol,
  urlopenScheme,
  huggingfaceUnpinned,
  huggingfaceRemoteCode,
  bidiControl,
  weakKeySize,
  loggingConfigListen,
  paramikoExecCommand,
  airflowTemplatedShell,
  airflowPrivilegedContainer,
  dockerSdkPrivilegedContainer,
  dockerRunHostAccessFromCode,
  airflowTemplatedSql,
  wildcardInjection,
  curlPipeShell,
  markupUnescaped,
];
