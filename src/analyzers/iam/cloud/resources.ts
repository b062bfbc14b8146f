import fs from 'node:fs';
import path from 'node:path';
import type { ProjectContext } from '../../../core/analyzer.js';
import { SourceText } from '../../../core/source-text.js';
import { cloudFormationAnalyzer } from '../../iac/cloudformation/index.js';
import type { CloudResource } from '../../iac/cloud-rules/model.js';
import type { TerraformFacts } from '../../iac/terraform/hcl-syntax.js';
import { TERRAFORM_ANALYZER } from '../../iac/terraform/index.js';
import { evaluateProject, resourcesByRoot } from '../../iac/terraform/modules.js';

export const CLOUDFORMATION_ANALYZER = cloudFormationAnalyzer.name;

/** The file analyzers whose facts hold cloud resources. */
export const CLOUD_FACTS = [TERRAFORM_ANALYZER, CLOUDFORMATION_ANALYZER];

/** One Terraform module instance or one CloudFormation template, resolved. */
export interface ResourceSet {
  resources: CloudResource[];
  /** Every resource of the configuration the set belongs to (a root module and the modules it calls). */
  configuration: CloudResource[];
}

export interface CloudResources {
  sets: ResourceSet[];
  /** The text of a file a resource is written in, for snippets and fingerprints. */
  source(file: string): SourceText;
}

// Several project analyzers read the same resources; the facts map of one assessment is one object.
const evaluated = new WeakMap<Map<string, unknown>, CloudResources>();

/** Every resolved Terraform module instance and CloudFormation template of the assessment. */
export function cloudResources(ctx: Pick<ProjectContext, 'facts' | 'root'>): CloudResources {
  const terraform = ctx.facts(TERRAFORM_ANALYZER) as Map<string, TerraformFacts>;
  const cached = evaluated.get(terraform);
  if (cached) return cached;
  const instances = evaluateProject(terraform);
  const configurations = resourcesByRoot(instances);
  const sets: ResourceSet[] = instances.map((i) => ({ resources: i.resources, configuration: configurations.get(i.root) ?? i.resources }));
  for (const facts of (ctx.facts(CLOUDFORMATION_ANALYZER) as Map<string, { resources?: CloudResource[] }>).values()) {
    if (facts.resources) sets.push({ resources: facts.resources, configuration: facts.resources });
  }
  const sources = new Map<string, SourceText>();
  const result: CloudResources = {
    sets,
    source(file) {
      let text = sources.get(file);
      if (!text) {
        text = new SourceText(terraform.get(file)?.text ?? readText(path.join(ctx.root, file)));
        sources.set(file, text);
      }
      return text;
    },
  };
  evaluated.set(terraform, result);
  return result;
}

function readText(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}
