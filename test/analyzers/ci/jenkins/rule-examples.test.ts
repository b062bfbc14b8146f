import { expect, it } from 'vitest';
import { jenkinsAnalyzer } from '../../../../src/analyzers/ci/jenkins/index.js';
import { describeRuleExamples } from '../../../helpers/rule-examples.js';
import { analyzeCiText } from '../analyze.js';

it('exposes the Jenkins rules through the analyzer', () => {
  expect(jenkinsAnalyzer.rules.map((r) => r.id)).toEqual(['jenkins.interpolated-secret', 'jenkins.param-injection', 'jenkins.agent-host-access']);
});

describeRuleExamples({
  language: 'Jenkinsfile',
  rules: jenkinsAnalyzer.rules,
  scan: (code, file) => analyzeCiText(jenkinsAnalyzer, code, file),
  idPattern: /^jenkins\.[a-z-]+$/,
  filePattern: /(^|\/)Jenkinsfile$/,
  checkRule: (rule) => expect(rule.category).toBe('iac'),
});
