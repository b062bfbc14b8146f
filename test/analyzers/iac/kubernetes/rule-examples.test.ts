import { expect, it } from 'vitest';
import { kubernetesAnalyzer } from '../../../../src/analyzers/iac/kubernetes/index.js';
import { k8sRules } from '../../../../src/analyzers/iac/kubernetes/rules/index.js';
import { describeRuleExamples } from '../../../helpers/rule-examples.js';
import { analyzeManifestText } from './scan.js';

it('exposes every Kubernetes rule through the analyzer', () => {
  expect(kubernetesAnalyzer.rules.map((r) => r.id)).toEqual(k8sRules.map((r) => r.id));
  expect(k8sRules.length).toBeGreaterThanOrEqual(20);
});

describeRuleExamples({
  language: 'Kubernetes',
  rules: k8sRules,
  scan: analyzeManifestText,
  idPattern: /^k8s\.[a-z-]+(\.[a-z-]+)?$/,
  filePattern: /\.ya?ml$/,
  checkRule: (rule) => expect(rule.category).toBe('iac'),
});
