import path from 'node:path';
import { expect } from 'vitest';
import { jsRules } from '../../../src/analyzers/javascript/rules/index.js';
import { describeCorpus } from '../../helpers/corpus.js';
import { analyzeScriptText } from './scan.js';

describeCorpus({
  language: 'JavaScript/TypeScript',
  fixtures: path.resolve(import.meta.dirname, '../../fixtures/javascript'),
  include: () => true,
  /** `// expect: rule-a, rule-b` names the findings expected on that line. */
  expectComment: /\/\/\s*expect:\s*([\w., -]+)$/,
  rules: jsRules,
  scan: analyzeScriptText,
  checkSafeFiles: (files) => expect(new Set(files.map((f) => path.extname(f))).size).toBeGreaterThanOrEqual(4),
});
