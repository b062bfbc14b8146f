import { expect, it } from 'vitest';
import { terraformAnalyzer } from '../../../../src/analyzers/iac/terraform/index.js';
import { terraformRules } from '../../../../src/analyzers/iac/terraform/rules/index.js';
import { describeRuleExamples } from '../../../helpers/rule-examples.js';
import { scanOne } from './scan.js';

it('exposes every Terraform rule through the project analyzer', () => {
  expect(terraformAnalyzer.rules.map((r) => r.id)).toEqual(terraformRules.map((r) => r.id));
});

describeRuleExamples({
  language: 'Terraform',
  rules: terraformRules,
  scan: scanOne,
  idPattern: /^tf\.[a-z0-9]+\.[a-z0-9-]+$/,
  filePattern: /\.tf$/,
  checkRule: (rule) => expect(rule.category).toBe('iac'),
});
