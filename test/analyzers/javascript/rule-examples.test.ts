import { expect, it } from 'vitest';
import { javascriptAnalyzer } from '../../../src/analyzers/javascript/index.js';
import { jsRules } from '../../../src/analyzers/javascript/rules/index.js';
import { describeRuleExamples } from '../../helpers/rule-examples.js';
import { analyzeScriptText } from './scan.js';

it('exposes every JavaScript rule through the analyzer', () => {
  expect(javascriptAnalyzer.rules.map((r) => r.id)).toEqual(jsRules.map((r) => r.id));
});

describeRuleExamples({
  language: 'JavaScript',
  rules: jsRules,
  scan: analyzeScriptText,
  idPattern: /^js\.[a-z-]+\.[a-z0-9-]+$/,
  filePattern: /\.(c|m)?(j|t)sx?$/,
  checkRule: (rule) => expect(rule.category).toBe('sast'),
});
