import type { RawFinding, ReportOptions } from '../../../core/analyzer.js';
import { makeFinding, type Range } from '../../../core/make-finding.js';
import type { RuleMeta } from '../../../core/rule.js';
import type { SourceText } from '../../../core/source-text.js';
import { type CloudResource, refersTo, str, type Value } from './model.js';

/** What a cloud rule sees: the resources of one Terraform module instance or one template. */
export interface CloudContext {
  resources: readonly CloudResource[];
  /** Every resource of the whole configuration: the root module and all module instances it calls. */
  configuration: readonly CloudResource[];
  ofType(...types: string[]): CloudResource[];
  /** Resources of `type` whose `attribute` points at `target` — by reference, or by its name or id. */
  attachedTo(target: CloudResource, type: string, attribute: string): CloudResource[];
  report(resource: CloudResource, range: Range, options?: ReportOptions): void;
}

/** A Terraform or CloudFormation rule: its docs, and a check over one set of resources. */
export interface CloudRule extends RuleMeta {
  check(ctx: CloudContext): void;
}

/**
 * The docs two dialects share for one property check; the rule modules add the id, examples in
 * their own syntax and the navigation of their own resource shapes.
 */
export type CheckDocs = Omit<RuleMeta, 'id' | 'bad' | 'good' | 'category'>;

/** Names a resource is known by besides its address (Terraform `bucket`, CloudFormation `BucketName`). */
const NAME_ATTRIBUTES = ['bucket', 'name', 'BucketName', 'id'];

export function runCloudRules(
  rules: readonly CloudRule[],
  resources: readonly CloudResource[],
  sources: (file: string) => SourceText,
  configuration: readonly CloudResource[] = resources,
): RawFinding[] {
  const findings: RawFinding[] = [];
  for (const rule of rules) {
    const ctx: CloudContext = {
      resources,
      configuration,
      ofType: (...types) => resources.filter((r) => types.includes(r.type)),
      attachedTo: (target, type, attribute) => attachedTo(resources, target, type, attribute),
      report(resource, range, options) {
        const via = resource.module ? ` (in ${resource.module})` : '';
        const message = `${options?.message ?? rule.title}${via}`;
        findings.push(makeFinding(rule, resource.file, sources(resource.file), range, { ...options, message }));
      },
    };
    rule.check(ctx);
  }
  return findings;
}

/** Resources of `type` whose `attribute` points at `target` — by reference, or by its name or id. */
export function attachedTo(resources: readonly CloudResource[], target: CloudResource, type: string, attribute: string): CloudResource[] {
  const names = NAME_ATTRIBUTES.map((a) => str(target.body.entries.find((e) => e.key === a)?.value)).filter((n) => n !== undefined);
  return resources.filter((r) => r.type === type && pointsAt(r.body.entries.find((e) => e.key === attribute)?.value, target.address, names));
}

function pointsAt(value: Value | undefined, address: string, names: string[]): boolean {
  if (refersTo(value, address)) return true;
  const text = str(value);
  return text !== undefined && names.includes(text);
}

