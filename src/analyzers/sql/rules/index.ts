import type { SqlRule } from '../sql-rule.js';
import { copyFromProgram } from './copy-from-program.js';
import { dynamicExecute } from './dynamic-execute.js';
import { grantAll } from './grant-all.js';
import { jinjaUnsafeQuery } from './jinja-unsafe-query.js';
import { jinjaUnsafeSplice } from './jinja-unsafe-splice.js';
import { loadDataLocal } from './load-data-local.js';
import { superuserRole } from './superuser-role.js';
import { xpCmdshell } from './xp-cmdshell.js';

export const sqlRules: SqlRule[] = [jinjaUnsafeSplice, jinjaUnsafeQuery, dynamicExecute, grantAll, superuserRole, copyFromProgram, loadDataLocal, xpCmdshell];
