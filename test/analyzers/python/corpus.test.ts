import path from 'node:path';
import { pythonRules } from '../../../src/analyzers/python/rules/index.js';
import { describeCorpus } from '../../helpers/corpus.js';
import { analyzePythonText } from './scan.js';

describeCorpus({
  language: 'Python',
  fixtures: path.resolve(import.meta.dirname, '../../fixtures/python'),
  include: (f) => f.endsWith('.py'),
  expectComment: /#\s*expect:\s*([\w.-]+)/,
  rules: pythonRules,
  scan: analyzePythonText,
});
