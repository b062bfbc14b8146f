import { isMap, isScalar, isSeq, type Node, parseDocument } from 'yaml';
import type { Range } from '../../../core/make-finding.js';
import { type Entry, get, getAll, items, str, type Value } from '../../iac/cloud-rules/model.js';
import { LineIndex } from '../../sql/lines.js';
import { policyKind, type PolicyDocument, type Statement } from '../policy.js';

/**
 * Reads a policy document out of a resolved Terraform or CloudFormation value: a structure
 * (`jsonencode({...})`, a CloudFormation map) or JSON text (a heredoc, a quoted string, a YAML
 * block), whose interpolations stay unknown. Only what is known is read: a statement whose Effect
 * or NotAction is unknown is left out, unknown actions and resources are dropped (so no rule can
 * match them), an unknown Condition counts as a condition.
 */
export function documentFromValue(value: Value | undefined, kind?: PolicyDocument['kind']): PolicyDocument | undefined {
  checkKnownJson(value);
  const doc = value?.kind === 'object' ? value : parseJsonText(value);
  if (doc?.kind !== 'object') return undefined;
  const raw = get(doc, 'Statement');
  if (!raw) return undefined;
  const statements = items(raw).flatMap((s, index) => {
    const statement = s.kind === 'object' ? fromJsonStatement(s, index) : undefined;
    return statement ? [statement] : [];
  });
  return { kind: kind ?? policyKind(statements), statements };
}

/** The statements of a Terraform `data "aws_iam_policy_document"`, each at its `statement` block. */
export function documentFromPolicyBlocks(body: Value): PolicyDocument {
  const statements = getAll(body, 'statement').flatMap((block, index) => {
    const effect = get(block, 'effect');
    const known = effect === undefined ? 'Allow' : str(effect);
    const notActions = names(get(block, 'not_actions'));
    if ((known !== 'Allow' && known !== 'Deny') || notActions.partial) return [];
    const principalBlocks = [...getAll(block, 'principals'), ...getAll(block, 'not_principals')];
    const sid = str(get(block, 'sid'));
    const statement: Statement = {
      index,
      ...(sid ? { sid } : {}),
      effect: known,
      actions: names(get(block, 'actions')).known,
      notActions: notActions.known,
      resources: names(get(block, 'resources')).known,
      notResources: names(get(block, 'not_resources')).known,
      ...(principalBlocks.length > 0 ? { principals: principalBlocks.flatMap((p) => principalNames(str(get(p, 'type')) ?? '', get(p, 'identifiers'))) } : {}),
      hasCondition: getAll(block, 'condition').length > 0,
      range: block.range,
    };
    return [statement];
  });
  return { kind: policyKind(statements), statements };
}

function fromJsonStatement(s: Value, index: number): Statement | undefined {
  const effect = str(get(s, 'Effect'));
  const notActions = names(get(s, 'NotAction'));
  if ((effect !== 'Allow' && effect !== 'Deny') || notActions.partial) return undefined;
  const principal = get(s, 'Principal') ?? get(s, 'NotPrincipal');
  const condition = get(s, 'Condition');
  const sid = str(get(s, 'Sid'));
  return {
    index,
    ...(sid ? { sid } : {}),
    effect,
    actions: names(get(s, 'Action')).known,
    notActions: notActions.known,
    resources: names(get(s, 'Resource')).known,
    notResources: names(get(s, 'NotResource')).known,
    ...(principal ? { principals: principalsOf(principal) } : {}),
    hasCondition: condition !== undefined && !(condition.kind === 'object' && condition.entries.length === 0),
    range: s.range,
  };
}

function principalsOf(principal: Value): string[] {
  if (principal.kind !== 'object') return str(principal) === '*' ? ['*'] : [];
  return principal.entries.flatMap((e: Entry) => principalNames(e.key, e.value));
}

function principalNames(type: string, identifiers: Value | undefined): string[] {
  return names(identifiers).known.map((n) => (n === '*' ? '*' : `${type}:${n}`));
}

/** The known strings of a string-or-list, and whether any item is unknown. */
function names(value: Value | undefined): { known: string[]; partial: boolean } {
  const all = items(value);
  const known = all.map(str).filter((s) => s !== undefined);
  return { known, partial: known.length !== all.length };
}

/** Policy text that is fully known, looks like JSON and is not: AWS would refuse it, so it is reported rather than skipped. */
export class MalformedPolicy extends Error {}

function checkKnownJson(value: Value | undefined): void {
  if (value?.kind !== 'scalar' || typeof value.value !== 'string' || !value.value.trim().startsWith('{')) return;
  try {
    JSON.parse(value.value);
  } catch (err) {
    throw new MalformedPolicy(`policy at line ${value.range.startLine} is not valid JSON: ${(err as Error).message}`);
  }
}

/** Stands where an interpolation was, so the JSON around it still parses; values holding it are unknown. */
const UNKNOWN = '__pipewarden_unknown__';

/**
 * JSON policy text — known, or a template whose literal fragments are known — as a Value whose
 * parts sit on their own lines of a multi-line string (a heredoc or YAML block starts on the line
 * after its marker), or all at the string for a one-line one.
 */
function parseJsonText(value: Value | undefined): Value | undefined {
  const text = value?.kind === 'scalar' && typeof value.value === 'string' ? value.value : value?.kind === 'unknown' ? value.fragments?.join(UNKNOWN) : undefined;
  if (!value || text === undefined || !text.trim().startsWith('{')) return undefined;
  // Tabs are fine between JSON tokens but not as YAML indentation; in valid JSON they occur nowhere else.
  const doc = parseDocument(text.replace(/\t/g, ' '), { uniqueKeys: false });
  if (doc.errors.length > 0 || !doc.contents) return undefined;
  const at = value.range;
  const lines = new LineIndex(text);
  const multiLine = at.endLine > at.startLine;
  const rangeOf = (node: Node): Range => {
    if (!multiLine || !node.range) return at;
    const from = lines.position(node.range[0]);
    const to = lines.position(node.range[1]);
    return { startLine: at.startLine + from.line, startColumn: from.column, endLine: at.startLine + to.line, endColumn: to.column };
  };
  return toValue(doc.contents as Node, rangeOf, 0);
}

/** JSON nests far less than this; deeper text is not a policy. */
const MAX_DEPTH = 64;

function toValue(node: Node, rangeOf: (node: Node) => Range, depth: number): Value {
  const range = rangeOf(node);
  if (depth > MAX_DEPTH) return { kind: 'unknown', range };
  if (isScalar(node)) {
    const v = node.value;
    if (typeof v === 'string' && v.includes(UNKNOWN)) return { kind: 'unknown', fragments: v.split(UNKNOWN).filter((f) => f !== ''), range };
    return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? { kind: 'scalar', value: v, range } : { kind: 'unknown', range };
  }
  if (isSeq(node)) return { kind: 'list', items: node.items.map((i) => toValue(i as Node, rangeOf, depth + 1)), range };
  if (isMap(node)) {
    const entries: Entry[] = node.items.flatMap((pair) =>
      isScalar(pair.key) && pair.value ? [{ key: String(pair.key.value), value: toValue(pair.value as Node, rangeOf, depth + 1), keyRange: rangeOf(pair.key as Node) }] : [],
    );
    return { kind: 'object', entries, range };
  }
  return { kind: 'unknown', range };
}
