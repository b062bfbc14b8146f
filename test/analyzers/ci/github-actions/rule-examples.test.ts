import { expect, it } from 'vitest';
import { githubActionsAnalyzer } from '../../../../src/analyzers/ci/github-actions/index.js';
import { ghaRules } from '../../../../src/analyzers/ci/github-actions/rules/index.js';
import { describeRuleExamples } from '../../../helpers/rule-examples.js';
import { analyzeWorkflowText } from './scan.js';

it('exposes every GitHub Actions rule through the analyzer', () => {
  expect(githubActionsAnalyzer.rules.map((r) => r.id)).toEqual(ghaRules.map((r) => r.id));
  expect(ghaRules.map((r) => r.id).sort()).toEqual(['gha.all-secrets-exposed', 'gha.github-env-injection', 'gha.insecure-commands', 'gha.pull-request-target-checkout', 'gha.script-injection', 'gha.unpinned-action', 'gha.untrusted-artifact', 'gha.write-all-permissions']);
});

describeRuleExamples({
  language: 'GitHub Actions',
  rules: ghaRules,
  scan: analyzeWorkflowText,
  idPattern: /^gha\.[a-z-]+$/,
  filePattern: /(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/,
  checkRule: (rule) => expect(rule.category).toBe('iac'),
});
