import type { CloudResource, Value } from './model.js';
import { bool, get, isUnset, str } from './model.js';
import type { CheckDocs, CloudContext, CloudRule } from './rule.js';
import type { RuleExample } from '../../../core/rule.js';

/** How one property of a resource type must look. */
export interface PropertyExpectation {
  types: string[];
  path: string[];
  /** True when the written value is insecure. Unknown values and references are never judged. */
  insecure: (value: Value) => boolean;
  /** Whether leaving the property out is insecure (the provider's default is the insecure one). */
  missingIsInsecure: boolean;
  message: string;
  /** Resources the property does not apply to (a replica inherits its source's encryption). */
  exempt?: (resource: CloudResource, ctx: CloudContext) => boolean;
}

/** Reports each resource whose property is insecure: at the value, or at the resource when it is left out. */
export function expectProperty(ctx: CloudContext, e: PropertyExpectation): void {
  for (const resource of ctx.ofType(...e.types)) {
    if (e.exempt?.(resource, ctx)) continue;
    const value = get(resource.body, ...e.path);
    if (isUnset(value)) {
      if (e.missingIsInsecure) ctx.report(resource, resource.range, { message: e.message });
    } else if (value!.kind !== 'unknown' && value!.kind !== 'ref' && e.insecure(value!)) {
      ctx.report(resource, value!.range, { message: e.message });
    }
  }
}

export const isFalse = (v: Value): boolean => bool(v) === false;
export const isTrue = (v: Value): boolean => bool(v) === true;
/** A case-insensitive match against any of `words`. */
export const isOneOf =
  (...words: string[]) =>
  (v: Value): boolean =>
    words.includes(str(v)?.toLowerCase() ?? '\u0000');
/** Anything other than one of `words` (case-insensitive). */
export const isNoneOf =
  (...words: string[]) =>
  (v: Value): boolean =>
    !isOneOf(...words)(v);
/** An empty string where a key id or a name was expected. */
export const isEmpty = (v: Value): boolean => str(v) === '';

/** A rule module: the shared docs of its check, its id and examples, and its check. */
export function cloudRule(docs: CheckDocs, spec: { id: string; bad: RuleExample[]; good: RuleExample[]; check: CloudRule['check'] }): CloudRule {
  return { ...docs, category: 'iac', ...spec };
}

/** A rule that is one property expectation. */
export function propertyRule(docs: CheckDocs, spec: { id: string; bad: RuleExample[]; good: RuleExample[] } & PropertyExpectation): CloudRule {
  const { id, bad, good, ...expectation } = spec;
  return cloudRule(docs, { id, bad, good, check: (ctx) => expectProperty(ctx, expectation) });
}
