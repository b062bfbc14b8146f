import { expect, it } from 'vitest';
import { secretsAnalyzer } from '../../../src/analyzers/secrets/index.js';
import { secretRules } from '../../../src/analyzers/secrets/rules/index.js';
import { describeRuleExamples } from '../../helpers/rule-examples.js';
import { analyzeSecrets, scanSecrets } from './scan.js';

it('exposes every secret detector through the analyzer, at least 60 of them', () => {
  expect(secretsAnalyzer.rules.map((r) => r.id)).toEqual(secretRules.map((r) => r.id));
  expect(secretRules.length).toBeGreaterThanOrEqual(60);
});

describeRuleExamples({
  language: 'Secrets',
  rules: secretRules,
  scan: analyzeSecrets,
  idPattern: /^secret\.[a-z0-9-]+$/,
  filePattern: /./,
  checkRule: (rule) => {
    expect(rule.category).toBe('secret');
    expect(rule.cwe).toContain('CWE-798');
  },
});

it.each(secretRules.flatMap((r) => r.bad.map((e, i) => [r.id, i, e] as const)))(
  '%s bad example %i is reported at its rule\'s own severity, not down-ranked',
  (id, _i, example) => {
    const own = scanSecrets(example.code, id, example.file);
    expect(own.every((f) => !f.message.includes('down-ranked'))).toBe(true);
  },
);
