import type { ProjectAnalyzer, ProjectContext, ProjectOutput } from '../../core/analyzer.js';
import type { Finding } from '../../core/finding.js';
import { LineReader } from '../../core/line-reader.js';
import { projectFinding } from '../../core/project-finding.js';
import { buildLineage } from '../../inventory/lineage/build.js';
import { NOTEBOOK_ANALYZER } from '../notebook/facts.js';
import { codeModuleFacts, PYTHON_ANALYZER, type PythonLineage } from '../python/facts.js';
import { allows, coversEverything } from './actions.js';
import { cloudIdentityPolicies } from './cloud/index.js';
import { CLOUD_FACTS, cloudResources } from './cloud/resources.js';
import { IAM_ANALYZER, type IamFacts } from './facts.js';
import { statementName } from './iam-rule.js';
import { excessGrantRule as rule } from './least-privilege-rule.js';
import type { Statement } from './policy.js';
import { chosenAtRunTime, s3NeedsOf, suggestPolicy, type S3Needs } from './s3-needs.js';

const OBJECT_READS = ['s3:GetObject'];
const OBJECT_WRITES = ['s3:PutObject', 's3:DeleteObject'];

/**
 * Least privilege from the code: S3 grants of the repository's identity policies (policy files,
 * Terraform, CloudFormation) against the buckets and prefixes the lineage shows the code reading
 * and writing.
 */
export const iamLeastPrivilege: ProjectAnalyzer = {
  name: 'iam-least-privilege',
  category: 'iam',
  rules: [rule],
  usesFactsFrom: [IAM_ANALYZER, PYTHON_ANALYZER, NOTEBOOK_ANALYZER, ...CLOUD_FACTS],
  analyze: async (ctx: ProjectContext): Promise<ProjectOutput> => {
    const policies = identityPolicies(ctx);
    const modules = new Map(codeModuleFacts(ctx).flatMap(([file, f]): Array<[string, PythonLineage]> => (f.lineage ? [[file, f.lineage]] : [])));
    const needs = s3NeedsOf(buildLineage(modules));
    // With no S3 location in the code there is nothing to compare against.
    if (policies.size === 0 || needs.size === 0) return { findings: [], errors: [], notices: [] };
    const lines = new LineReader(ctx.root);
    const suggestion = JSON.stringify((suggestPolicy(needs) as { Statement: object[] }).Statement);
    const findings = [...policies].flatMap(([file, facts]) =>
      facts.policies.flatMap((p) => p.statements.flatMap((s) => excessOf(s, needs).map((excess) => report(lines, file, s, excess, suggestion)))),
    );
    return { findings, errors: [], notices: [] };
  },
};

/** Identity policies by file: JSON policy files, and those Terraform and CloudFormation write. */
export function identityPolicies(ctx: ProjectContext): Map<string, IamFacts> {
  return new Map([...(ctx.facts(IAM_ANALYZER) as Map<string, IamFacts>), ...cloudIdentityPolicies(cloudResources(ctx))]);
}

interface Excess {
  resource: string;
  why: string;
}

function excessOf(statement: Statement, needs: S3Needs): Excess[] {
  const reads = OBJECT_READS.some((a) => allows(statement, a));
  const writes = OBJECT_WRITES.filter((a) => allows(statement, a));
  if (!reads && writes.length === 0) return [];
  const touched = [...needs.keys()].join(', ');
  // Code that picks a bucket at run time may need any bucket: only what it does in the named ones can be judged.
  const anyBucket = [...needs.keys()].some(chosenAtRunTime);
  return statement.resources.flatMap((resource): Excess[] => {
    if (coversEverything(resource)) return anyBucket ? [] : [{ resource, why: `covers every bucket, while the code touches only ${touched}` }];
    const bucket = /^arn:aws[\w-]*:s3:::([^/*]+)/.exec(resource)?.[1];
    if (!bucket) return [];
    const used = needs.get(bucket);
    if (!used) return anyBucket ? [] : [{ resource, why: `names bucket ${bucket}, which the code never reads or writes` }];
    if (writes.length > 0 && used.write.size === 0) return [{ resource, why: `allows ${writes.join(', ')} in ${bucket}, which the code only reads` }];
    return [];
  });
}

/** `suggestion`: the minimised statements, as JSON, that every excess finding quotes. */
function report(lines: LineReader, file: string, statement: Statement, excess: Excess, suggestion: string): Finding {
  return projectFinding(rule, lines, { file, line: statement.range.startLine, column: statement.range.startColumn }, `${statement.label ? `${statement.label} ${statement.index}` : (statement.sid ?? statement.index)}\u0000${excess.resource}`, {
    message: `${statementName(statement)}: ${excess.resource} ${excess.why}. What the code uses: ${suggestion}`,
  });
}
