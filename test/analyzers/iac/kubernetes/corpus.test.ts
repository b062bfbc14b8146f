import path from 'node:path';
import { k8sRules } from '../../../../src/analyzers/iac/kubernetes/rules/index.js';
import { describeCorpus } from '../../../helpers/corpus.js';
import { analyzeManifestText } from './scan.js';

describeCorpus({
  language: 'Kubernetes',
  fixtures: path.resolve(import.meta.dirname, '../../../fixtures/iac/kubernetes'),
  include: (f) => /\.ya?ml$/.test(f),
  expectComment: /#\s*expect:\s*([\w.,\s-]+?)\s*$/,
  rules: k8sRules,
  scan: analyzeManifestText,
});
