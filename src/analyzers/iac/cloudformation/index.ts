import type { AnalyzerOutput, FileAnalyzer, SourceFile } from '../../../core/analyzer.js';
import { SourceText } from '../../../core/source-text.js';
import { runCloudRules } from '../cloud-rules/rule.js';
import { parseTemplate } from './parse-template.js';
import { cloudFormationRules } from './rules/index.js';

/** Serverless Framework files (`serverless.yml`, `serverless.prod.yaml`), read as the template they deploy. */
const SERVERLESS_FILE = /(^|\/)serverless(\.[\w-]+)?\.ya?ml$/i;

/**
 * CloudFormation templates (YAML or JSON). The inventory recognises them by content
 * (`AWSTemplateFormatVersion`, or a `Type: AWS::…` resource), so any file name works; a
 * Serverless Framework file by its name. The resolved resources are recorded as facts for project
 * analyzers (IAM).
 */
export const cloudFormationAnalyzer: FileAnalyzer = {
  name: 'cloudformation',
  category: 'iac',
  rules: cloudFormationRules,
  required: (file) => file.kind === 'cloudformation' || (file.kind === 'config' && SERVERLESS_FILE.test(file.path)),
  analyze: analyzeTemplate,
};

function analyzeTemplate(file: SourceFile): AnalyzerOutput {
  const { resources, problems } = parseTemplate(file.text, file.path);
  const source = new SourceText(file.text);
  return { findings: runCloudRules(cloudFormationRules, resources, () => source), problems, facts: { resources } };
}
