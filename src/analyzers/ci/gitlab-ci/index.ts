import type { AnalyzerOutput, FileAnalyzer, SourceFile } from '../../../core/analyzer.js';
import type { ImageFacts } from '../../../inventory/containers.js';
import { gitlabCiImages } from '../../../inventory/deployed-images.js';
import { isGitlabCiFile, parsePipeline } from './pipeline.js';

/**
 * GitLab CI files, for the images their jobs and services run. It has no rules of its own yet: its
 * facts go to the inventory and the container image checks (end of life).
 */
export const gitlabCiAnalyzer: FileAnalyzer = {
  name: 'gitlab-ci',
  category: 'container',
  rules: [],
  required: (file) => file.kind === 'config' && isGitlabCiFile(file.path),
  analyze: analyzePipeline,
};

function analyzePipeline(file: SourceFile): AnalyzerOutput {
  const parsed = parsePipeline(file.text);
  const facts: ImageFacts = { images: gitlabCiImages(parsed, file.path) };
  return { findings: [], problems: parsed.problems, facts };
}
