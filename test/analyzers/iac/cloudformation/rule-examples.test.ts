import { expect, it } from 'vitest';
import { cloudFormationAnalyzer } from '../../../../src/analyzers/iac/cloudformation/index.js';
import { cloudFormationRules } from '../../../../src/analyzers/iac/cloudformation/rules/index.js';
import { describeRuleExamples } from '../../../helpers/rule-examples.js';
import { scanTemplate } from './scan.js';

it('exposes every CloudFormation rule through the analyzer', () => {
  expect(cloudFormationAnalyzer.rules.map((r) => r.id)).toEqual(cloudFormationRules.map((r) => r.id));
});

describeRuleExamples({
  language: 'CloudFormation',
  rules: cloudFormationRules,
  scan: scanTemplate,
  idPattern: /^cfn\.[a-z0-9]+\.[a-z0-9-]+$/,
  filePattern: /\.(yaml|json)$/,
  checkRule: (rule) => expect(rule.category).toBe('iac'),
});
