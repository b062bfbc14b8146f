import { expect, it } from 'vitest';
import { composeAnalyzer } from '../../../../src/analyzers/iac/compose/index.js';
import { composeRules } from '../../../../src/analyzers/iac/compose/rules/index.js';
import { describeRuleExamples } from '../../../helpers/rule-examples.js';
import { analyzeComposeText } from './scan.js';

it('exposes every Compose rule through the analyzer', () => {
  expect(composeAnalyzer.rules.map((r) => r.id)).toEqual(composeRules.map((r) => r.id));
});

describeRuleExamples({
  language: 'Compose',
  rules: composeRules,
  scan: analyzeComposeText,
  idPattern: /^compose\.[a-z-]+$/,
  filePattern: /(^|\/)(docker-)?compose([.-][\w-]+)*\.ya?ml$/,
  checkRule: (rule) => expect(rule.category).toBe('iac'),
});
