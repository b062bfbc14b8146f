import { expect, it } from 'vitest';
import { shellScriptAnalyzer } from '../../../src/analyzers/shell-script/index.js';
import { shellRules } from '../../../src/analyzers/shell-script/rules/index.js';
import { describeRuleExamples } from '../../helpers/rule-examples.js';
import { analyzeShellText } from './scan.js';

it('exposes every shell-script rule through the analyzer', () => {
  expect(shellScriptAnalyzer.rules.map((r) => r.id)).toEqual(shellRules.map((r) => r.id));
});

describeRuleExamples({
  language: 'Shell script',
  rules: shellRules,
  scan: analyzeShellText,
  idPattern: /^sh\.[a-z0-9-]+$/,
  filePattern: /\.sh$/,
});
