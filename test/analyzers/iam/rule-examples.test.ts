import { expect } from 'vitest';
import { iamRules } from '../../../src/analyzers/iam/rules/index.js';
import { describeRuleExamples } from '../../helpers/rule-examples.js';
import { analyzePolicyText } from './scan.js';

describeRuleExamples({
  language: 'IAM policy',
  rules: iamRules,
  scan: analyzePolicyText,
  idPattern: /^iam\.[a-z-]+$/,
  filePattern: /\.json$/,
  checkRule: (rule) => expect(rule.category).toBe('iam'),
});
