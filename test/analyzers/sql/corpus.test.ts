import path from 'node:path';
import { sqlRules } from '../../../src/analyzers/sql/rules/index.js';
import { describeCorpus } from '../../helpers/corpus.js';
import { analyzeSqlText } from './scan.js';

describeCorpus({
  language: 'SQL',
  fixtures: path.resolve(import.meta.dirname, '../../fixtures/sql'),
  include: (f) => f.endsWith('.sql'),
  expectComment: /--\s*expect:\s*([\w.-]+)/,
  rules: sqlRules,
  scan: analyzeSqlText,
});
