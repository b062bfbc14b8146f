import type { ProjectAnalyzer, ProjectContext, ProjectOutput, RawFinding } from '../../../core/analyzer.js';
import type { ScanError } from '../../../core/finding.js';
import { findingsOnce } from '../../iac/cloud-rules/findings.js';
import { runCloudRules } from '../../iac/cloud-rules/rule.js';
import { checkPolicy } from '../check-policy.js';
import type { IamFacts } from '../facts.js';
import { azureBroadRole } from './azure-broad-role.js';
import { gcpEscalationRole } from './gcp-escalation-role.js';
import { gcpPrimitiveRole } from './gcp-primitive-role.js';
import { cloudPolicies } from './policies.js';
import { CLOUD_FACTS, cloudResources, type CloudResources } from './resources.js';

export const cloudIamRules = [gcpPrimitiveRole, gcpEscalationRole, azureBroadRole];

/**
 * The IAM rules over policies written in Terraform and CloudFormation — role, user and group
 * policies, trust policies, bucket/queue/topic/key policies, `aws_iam_policy_document` — and
 * GCP bindings of the basic roles and of roles that reach every service account, and Azure assignments of the built-in roles that hand over a
 * scope. Findings land on the statement's lines in the .tf or template. The `iam.*` policy rules
 * are listed by the policy-file analyzer; this one adds the GCP and Azure rules.
 */
export const iamCloudPolicies: ProjectAnalyzer = {
  name: 'iam-cloud-policies',
  category: 'iam',
  rules: cloudIamRules,
  usesFactsFrom: CLOUD_FACTS,
  analyze: async (ctx: ProjectContext): Promise<ProjectOutput> => cloudIamFindings(cloudResources(ctx)),
};

function cloudIamFindings(cloud: CloudResources): ProjectOutput {
  const raw: RawFinding[] = [];
  const errors = new Map<string, ScanError>();
  for (const set of cloud.sets) {
    const { policies, problems } = cloudPolicies(set.resources);
    raw.push(...policies.flatMap(({ resource, document }) => checkPolicy(document, resource.file, cloud.source(resource.file))));
    raw.push(...runCloudRules(cloudIamRules, set.resources, (file) => cloud.source(file), set.configuration));
    for (const p of problems) errors.set(`${p.file}\u0000${p.message}`, { file: p.file, analyzer: iamCloudPolicies.name, message: p.message });
  }
  return { findings: findingsOnce(raw, (file) => cloud.source(file)), errors: [...errors.values()], notices: [] };
}

/** The identity policies Terraform and CloudFormation write, by file, in the shape policy files record them. */
export function cloudIdentityPolicies(cloud: CloudResources): Map<string, IamFacts> {
  const byFile = new Map<string, IamFacts>();
  const seen = new Set<string>();
  for (const set of cloud.sets) {
    for (const { resource, document } of cloudPolicies(set.resources).policies) {
      const key = `${resource.file}:${resource.range.startLine}${resource.instance ?? ''}:${document.statements[0]?.range.startLine}`;
      if (document.kind !== 'identity' || seen.has(key)) continue;
      seen.add(key);
      const facts = byFile.get(resource.file) ?? { policies: [] };
      facts.policies.push({ statements: document.statements });
      byFile.set(resource.file, facts);
    }
  }
  return byFile;
}
