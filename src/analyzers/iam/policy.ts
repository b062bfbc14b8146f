import type { Range } from '../../core/make-finding.js';

/** One statement of an AWS policy document, normalised: every list is a list, names as written. */
export interface Statement {
  index: number;
  sid?: string;
  /** What to call a statement that is not written out: an AWS managed policy attached by name. */
  label?: string;
  effect: 'Allow' | 'Deny';
  actions: string[];
  notActions: string[];
  resources: string[];
  notResources: string[];
  /** Principals as `AWS:arn`, `Service:name`, `Federated:provider`, or `*` for everyone; undefined in identity policies. */
  principals?: string[];
  hasCondition: boolean;
  /** Where the statement is written, for reports. */
  range: Range;
}

export interface PolicyDocument {
  /** trust: who may assume a role; resource: a bucket/queue/key policy; identity: what a role or user may do. */
  kind: 'identity' | 'trust' | 'resource';
  statements: Statement[];
}

/** Finds where a part of the document is written; a path of keys and indexes from the document root. */
export type Locate = (path: Array<string | number>) => Range;

/** Reads a policy document from parsed JSON; undefined when the value is not shaped like one. */
export function readPolicy(value: unknown, locate: Locate): PolicyDocument | undefined {
  if (!isObject(value)) return undefined;
  const raw = value.Statement;
  const list = Array.isArray(raw) ? raw : isObject(raw) ? [raw] : undefined;
  if (!list) return undefined;
  const statements = list.flatMap((s, index) => {
    if (!isObject(s)) return [];
    const path = Array.isArray(raw) ? ['Statement', index] : ['Statement'];
    return [readStatement(s, index, locate(path))];
  });
  return { kind: policyKind(statements), statements };
}

/** What a document is, from its content: principals with sts:AssumeRole* make a trust policy, other principals a resource policy. */
export function policyKind(statements: readonly Statement[]): PolicyDocument['kind'] {
  const assumes = statements.some((s) => s.principals && s.actions.some((a) => /^sts:assumerole/i.test(a)));
  return assumes ? 'trust' : statements.some((s) => s.principals) ? 'resource' : 'identity';
}

function readStatement(s: Record<string, unknown>, index: number, range: Range): Statement {
  return {
    index,
    ...(typeof s.Sid === 'string' ? { sid: s.Sid } : {}),
    effect: s.Effect === 'Deny' ? 'Deny' : 'Allow',
    actions: strings(s.Action),
    notActions: strings(s.NotAction),
    resources: strings(s.Resource),
    notResources: strings(s.NotResource),
    ...(s.Principal !== undefined || s.NotPrincipal !== undefined ? { principals: principals(s.Principal ?? s.NotPrincipal) } : {}),
    hasCondition: isObject(s.Condition) && Object.keys(s.Condition).length > 0,
    range,
  };
}

function principals(value: unknown): string[] {
  if (value === '*') return ['*'];
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([type, names]) => strings(names).map((n) => (n === '*' ? '*' : `${type}:${n}`)));
}

function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
