import { expect, it } from 'vitest';
import { cloudIamRules, iamCloudPolicies } from '../../../src/analyzers/iam/cloud/index.js';
import { describeRuleExamples } from '../../helpers/rule-examples.js';
import { assessTree } from '../../helpers/assess-tree.js';

it('exposes every cloud IAM rule through the project analyzer', () => {
  expect(iamCloudPolicies.rules.map((r) => r.id)).toEqual(cloudIamRules.map((r) => r.id));
});

describeRuleExamples({
  language: 'Cloud IAM (Terraform)',
  rules: cloudIamRules,
  scan: (code, file) => assessTree({ [file]: code }, { only: ['iam'] }),
  idPattern: /^iam\.[a-z0-9-]+$/,
  filePattern: /\.tf$/,
  checkRule: (rule) => expect(rule.category).toBe('iam'),
});
