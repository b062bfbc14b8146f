import { expect } from 'vitest';
import { notebookRules } from '../../../src/analyzers/notebook/rules/index.js';
import { describeRuleExamples } from '../../helpers/rule-examples.js';
import { scanNotebook } from './scan.js';

describeRuleExamples({
  language: 'Notebook',
  rules: notebookRules,
  scan: scanNotebook,
  idPattern: /^nb\.[a-z-]+$/,
  filePattern: /\.ipynb$/,
  checkRule: (rule) => {
    for (const example of [...rule.bad, ...rule.good]) expect(() => JSON.parse(example.code)).not.toThrow();
  },
});
