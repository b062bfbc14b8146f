import type { AnalyzerOutput, FileAnalyzer, SourceFile } from '../../../core/analyzer.js';
import { SourceText } from '../../../core/source-text.js';
import { runCloudRules } from '../cloud-rules/rule.js';
import { parseTemplate } from './parse-template.js';
import { cloudFormationRules } from './rules/index.js';

/**
 * CloudFormation templates (YAML or JSON). The inventory recognises them by content
 * (`AWSTemplateFormatVersion`, or a `Type: AWS::…` resource), so any file name works.
 * The resolved resources are recorded as facts for project analyzers (IAM).
 */
export const cloudFormationAnalyzer: FileAnalyzer = {
  name: 'cloudformation',
  category: 'iac',
  rules: cloudFormationRules,
  required: (file) => file.kind === 'cloudformation',
  analyze: analyzeTemplate,
};

function analyzeTemplate(file: SourceFile): AnalyzerOutput {
  const { resources, problems } = parseTemplate(file.text, file.path);
  const source = new SourceText(file.text);
  return { findings: runCloudRules(cloudFormationRules, resources, () => source), problems, facts: { resources } };
}
