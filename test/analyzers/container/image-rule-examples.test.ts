import { expect, it } from 'vitest';
import { containerImageAnalyzer, imageRules } from '../../../src/analyzers/container/image-analyzer.js';
import { describeRuleExamples } from '../../helpers/rule-examples.js';
import { scanImageExample } from './image-scan.js';

it('exposes every image rule through the project analyzer', () => {
  expect(containerImageAnalyzer.rules.map((r) => r.id)).toEqual(imageRules.map((r) => r.id));
});

describeRuleExamples({
  language: 'Container image',
  rules: imageRules,
  scan: scanImageExample,
  idPattern: /^(docker|image)\.[a-z0-9-]+$/,
  filePattern: /(^|\/)(Dockerfile|os-release|METADATA|os\.py|docker-compose\.yml)$/,
  checkRule: (rule) => expect(rule.category).toBe('container'),
});
