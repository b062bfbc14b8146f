import type { AnalyzerOutput, FileAnalyzer, SourceFile } from '../../../core/analyzer.js';
import type { ImageFacts } from '../../../inventory/containers.js';
import { helmValuesImages, isHelmValuesFile } from './images.js';

/**
 * Helm chart values files, for the images the chart deploys by default. It has no rules of its
 * own: its facts go to the container image checks (end of life).
 */
export const helmValuesAnalyzer: FileAnalyzer = {
  name: 'helm-values',
  category: 'container',
  rules: [],
  required: (file) => file.kind === 'config' && isHelmValuesFile(file.path),
  analyze: analyzeValues,
};

function analyzeValues(file: SourceFile): AnalyzerOutput {
  const { images, problems } = helmValuesImages(file.text, file.path);
  const facts: ImageFacts = { images };
  return { findings: [], problems, facts };
}
