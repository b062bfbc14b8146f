import type { PythonRule } from '../python-rule.js';
import { pickleLoad } from './pickle-load.js';

export const pythonRules: PythonRule[] = [pickleLoad];
