import { expect, it } from 'vitest';
import { dockerfileAnalyzer } from '../../../src/analyzers/container/index.js';
import { dockerRules } from '../../../src/analyzers/container/rules/index.js';
import { describeRuleExamples } from '../../helpers/rule-examples.js';
import { analyzeDockerfileText } from './scan.js';

it('exposes every Dockerfile rule through the analyzer', () => {
  expect(dockerfileAnalyzer.rules.map((r) => r.id)).toEqual(dockerRules.map((r) => r.id));
});

describeRuleExamples({
  language: 'Dockerfile',
  rules: dockerRules,
  scan: analyzeDockerfileText,
  idPattern: /^docker\.[a-z0-9-]+$/,
  filePattern: /(^|\/)Dockerfile$/,
  checkRule: (rule) => expect(rule.category).toBe('container'),
});
