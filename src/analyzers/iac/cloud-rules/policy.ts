import type { Range } from '../../../core/make-finding.js';
import { asDocument, type CloudResource, get, getAll, items, str, type Value } from './model.js';

/** One statement of an IAM-style policy, in one shape whatever syntax wrote it. */
export interface PolicyStatement {
  effect: 'Allow' | 'Deny';
  /** Principal strings (`*`, account ARNs, service names); undefined when the statement names none. */
  principals: string[] | undefined;
  actions: string[];
  /** Condition operator → key → values, e.g. `Bool` → `aws:SecureTransport` → ["false"]. */
  conditions: Array<{ operator: string; key: string; values: string[] }>;
  /** Whether any part of the statement is unknown (a variable, a reference). */
  partial: boolean;
  range: Range;
}

/**
 * The statements of a policy written as JSON (a string, `jsonencode`, a CloudFormation map) or as
 * a reference to a Terraform `aws_iam_policy_document` data source in `resources`.
 */
export function policyStatements(policy: Value | undefined, resources: readonly CloudResource[]): PolicyStatement[] {
  if (policy?.kind === 'ref') {
    const source = resources.find((r) => r.address === policy.target && r.type === 'data.aws_iam_policy_document');
    return source ? getAll(source.body, 'statement').map(fromDocumentBlock) : [];
  }
  const doc = asDocument(policy);
  return getAll(doc, 'Statement').filter((s) => s.kind === 'object').map(fromJsonStatement);
}

function strings(value: Value | undefined): { values: string[]; partial: boolean } {
  const all = items(value);
  const values = all.map(str).filter((s) => s !== undefined);
  return { values, partial: values.length !== all.length };
}

function fromJsonStatement(statement: Value): PolicyStatement {
  const principal = get(statement, 'Principal');
  let principals: string[] | undefined;
  let partial = false;
  if (principal?.kind === 'object') {
    const found = principal.entries.map((e) => strings(e.value));
    principals = found.flatMap((f) => f.values);
    partial = found.some((f) => f.partial);
  } else if (principal) {
    const found = strings(principal);
    principals = found.values;
    partial = found.partial;
  }
  const actions = strings(get(statement, 'Action'));
  const conditions: PolicyStatement['conditions'] = [];
  const condition = get(statement, 'Condition');
  if (condition?.kind === 'object') {
    for (const op of condition.entries) {
      if (op.value.kind !== 'object') continue;
      for (const key of op.value.entries) conditions.push({ operator: op.key, key: key.key, values: strings(key.value).values });
    }
  } else if (condition) partial = true;
  return { effect: str(get(statement, 'Effect')) === 'Deny' ? 'Deny' : 'Allow', principals, actions: actions.values, conditions, partial: partial || actions.partial, range: statement.range };
}

function fromDocumentBlock(block: Value): PolicyStatement {
  const principals = getAll(block, 'principals').map((p) => strings(get(p, 'identifiers')));
  const actions = strings(get(block, 'actions'));
  const conditions = getAll(block, 'condition').map((c) => ({
    operator: str(get(c, 'test')) ?? '',
    key: str(get(c, 'variable')) ?? '',
    values: strings(get(c, 'values')).values,
  }));
  return {
    effect: str(get(block, 'effect')) === 'Deny' ? 'Deny' : 'Allow',
    principals: principals.length > 0 ? principals.flatMap((p) => p.values) : undefined,
    actions: actions.values,
    conditions,
    partial: actions.partial || principals.some((p) => p.partial),
    range: block.range,
  };
}

/** An Allow to everyone (`"*"`, `{"AWS": "*"}`) with no condition narrowing it. */
export function isPublicGrant(s: PolicyStatement): boolean {
  return s.effect === 'Allow' && (s.principals ?? []).includes('*') && s.conditions.length === 0;
}

/** A Deny of requests made without TLS: `Bool`/`aws:SecureTransport` = false. */
export function deniesInsecureTransport(s: PolicyStatement): boolean {
  return s.effect === 'Deny' && s.conditions.some((c) => /^bool$/i.test(c.operator) && c.key.toLowerCase() === 'aws:securetransport' && c.values.includes('false'));
}
