import { expect } from 'vitest';
import { pythonRules } from '../../../src/analyzers/python/rules/index.js';
import { describeRuleExamples } from '../../helpers/rule-examples.js';
import { analyzePythonText } from './scan.js';

describeRuleExamples({
  language: 'Python',
  rules: pythonRules,
  scan: analyzePythonText,
  idPattern: /^py\.[a-z0-9-]+\.[a-z0-9-]+$/,
  filePattern: /\.py$/,
  checkRule: (rule) => expect(rule.references.length).toBeGreaterThanOrEqual(1),
});
