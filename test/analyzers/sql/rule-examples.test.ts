import { expect, it } from 'vitest';
import { sqlAnalyzer } from '../../../src/analyzers/sql/index.js';
import { sqlRules } from '../../../src/analyzers/sql/rules/index.js';
import { describeRuleExamples } from '../../helpers/rule-examples.js';
import { analyzeSqlText } from './scan.js';

it('exposes every SQL rule through the analyzer', () => {
  expect(sqlAnalyzer.rules.map((r) => r.id)).toEqual(sqlRules.map((r) => r.id));
});

describeRuleExamples({
  language: 'SQL',
  rules: sqlRules,
  scan: analyzeSqlText,
  idPattern: /^sql\.[a-z-]+$/,
  filePattern: /\.sql$|^dbt_project\.yml$|^models\/.*\.yml$/,
  checkRule: (rule) => expect(rule.category).toBe('sast'),
});
