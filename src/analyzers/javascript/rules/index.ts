import type { JsRule } from '../js-rule.js';
import { dynamicRequire } from './dynamic-require.js';
import { codeInjectionEval } from './eval.js';
import { commandInjectionExec } from './exec.js';
import { pathTraversalFs } from './fs-path.js';
import { jsYamlLoad } from './js-yaml-load.js';
import { nodeSerialize } from './node-serialize.js';
import { sqlInjectionTemplate } from './sql-template.js';
import { ssrfRequest } from './ssrf-request.js';

export const jsRules: JsRule[] = [commandInjectionExec, codeInjectionEval, jsYamlLoad, nodeSerialize, sqlInjectionTemplate, pathTraversalFs, ssrfRequest, dynamicRequire];
