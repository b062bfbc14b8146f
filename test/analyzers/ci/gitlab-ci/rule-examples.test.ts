import { expect, it } from 'vitest';
import { gitlabCiAnalyzer } from '../../../../src/analyzers/ci/gitlab-ci/index.js';
import { describeRuleExamples } from '../../../helpers/rule-examples.js';
import { analyzeCiText } from '../analyze.js';

it('exposes the GitLab CI rules through the analyzer', () => {
  expect(gitlabCiAnalyzer.rules.map((r) => r.id)).toEqual(['gitlab.debug-trace']);
});

describeRuleExamples({
  language: 'GitLab CI',
  rules: gitlabCiAnalyzer.rules,
  scan: (code, file) => analyzeCiText(gitlabCiAnalyzer, code, file),
  idPattern: /^gitlab\.[a-z-]+$/,
  filePattern: /(^|\/)\.gitlab-ci\.ya?ml$/,
  checkRule: (rule) => expect(rule.category).toBe('iac'),
});
