import type { PythonRule } from '../python-rule.js';
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
];
