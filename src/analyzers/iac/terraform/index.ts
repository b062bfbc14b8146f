import type { AnalyzerOutput, FileAnalyzer, ProjectAnalyzer, ProjectContext, ProjectOutput, SourceFile } from '../../../core/analyzer.js';
import type { Finding } from '../../../core/finding.js';
import { SourceText } from '../../../core/source-text.js';
import { findingsOnce } from '../cloud-rules/findings.js';
import { runCloudRules } from '../cloud-rules/rule.js';
import type { TerraformFacts } from './hcl-syntax.js';
import { evaluateProject, resourcesByRoot } from './modules.js';
import { parseHcl } from './parse-hcl.js';
import { parseTerraformJson } from './parse-tf-json.js';
import { terraformRules } from './rules/index.js';

export const TERRAFORM_ANALYZER = 'terraform';

/**
 * Parses each Terraform file into plain syntax facts. Variables, locals and modules span files,
 * so the rules run in the project step below, over every directory at once.
 */
export const terraformFileAnalyzer: FileAnalyzer = {
  name: TERRAFORM_ANALYZER,
  category: 'iac',
  rules: [],
  required: (file) => file.kind === 'terraform',
  analyze: parseTerraformFile,
};

export function parseTerraformFile(file: SourceFile): AnalyzerOutput {
  // Native syntax in .tf/.tfvars, JSON syntax in .tf.json/.tfvars.json: one model for both.
  const { blocks, attributes, problems } = file.path.endsWith('.json') ? parseTerraformJson(file.text, file.path.endsWith('.tfvars.json')) : parseHcl(file.text);
  const facts: TerraformFacts = { text: file.text, blocks, assignments: attributes };
  return { findings: [], problems, facts };
}

/** Runs the Terraform rules over every module instance the tree configures. */
export const terraformAnalyzer: ProjectAnalyzer = {
  name: 'terraform-modules',
  category: 'iac',
  rules: terraformRules,
  usesFactsFrom: [TERRAFORM_ANALYZER],
  analyze: async (ctx: ProjectContext): Promise<ProjectOutput> => ({
    findings: terraformFindings(ctx.facts(TERRAFORM_ANALYZER) as Map<string, TerraformFacts>),
    errors: [],
    notices: [],
  }),
};

export function terraformFindings(facts: ReadonlyMap<string, TerraformFacts>): Finding[] {
  const sources = new Map<string, SourceText>();
  const sourceOf = (file: string): SourceText => {
    let source = sources.get(file);
    if (!source) {
      source = new SourceText(facts.get(file)?.text ?? '');
      sources.set(file, source);
    }
    return source;
  };
  const instances = evaluateProject(facts);
  const configurations = resourcesByRoot(instances);
  const raw = instances.flatMap((instance) => runCloudRules(terraformRules, instance.resources, sourceOf, configurations.get(instance.root)));
  return findingsOnce(raw, sourceOf);
}
