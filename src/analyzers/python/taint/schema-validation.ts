import type { CallSite } from '../call-site.js';
import type { SyntaxNode } from '../parser.js';
import type { Resolver } from '../resolver.js';
import type { TaintEngine } from './engine.js';
import { VALIDATING_BASES, VALIDATING_CALLS, VALIDATING_METHODS } from './sanitizers.js';

/** Methods that check a record or frame against a declared schema (pydantic, pandera, Great Expectations, marshmallow, cerberus). */
const SCHEMA_METHODS = new Set([...VALIDATING_METHODS, 'model_validate', 'model_validate_json', 'parse_obj', 'parse_raw', 'validate_json', 'load']);
/** Receivers whose `load` validates (marshmallow schemas); `json.load`/`yaml.load` do not. */
const LOAD_VALIDATES_UNDER = ['marshmallow'];
/** The team's own validators: `validate_orders(df)`, `check_schema(frame)`. */
const VALIDATOR_NAME = /(?:^|[._])(validate|check_schema|enforce_schema)\w*$/i;

/**
 * Ids of the ingestion points whose data reaches a schema validation call in this module — the
 * gate the data-at-the-gate check looks for between reading external data and using it.
 */
export function schemaValidatedSources(calls: readonly CallSite[], engine: TaintEngine, resolver: Resolver): Set<string> {
  const validated = new Set<string>();
  for (const call of calls) {
    if (!validatesSchema(call, resolver)) continue;
    for (const arg of checkedValues(call)) {
      for (const flow of engine.flowsOf(arg)) if ('source' in flow.origin) validated.add(flow.origin.source.id);
    }
  }
  if (validated.size === 0) return validated;
  // What is read into another ingestion point (the text in `json.loads(f.read())`) is checked when
  // that one is; calls come outer first, so nested reads are reached in one pass.
  for (const call of calls) {
    const outer = engine.sourceAt(call.node, call);
    if (!outer || !validated.has(outer.id)) continue;
    for (const arg of call.positional) for (const flow of engine.flowsOf(arg)) if ('source' in flow.origin) validated.add(flow.origin.source.id);
  }
  return validated;
}

function validatesSchema(call: CallSite, resolver: Resolver): boolean {
  if (call.name !== undefined && VALIDATING_CALLS.includes(call.name)) return true;
  if (call.method !== undefined && (SCHEMA_METHODS.has(call.method) || call.method.startsWith('expect_'))) {
    return call.method !== 'load' || LOAD_VALIDATES_UNDER.some((u) => call.name?.startsWith(u));
  }
  const fn = call.node.childForFieldName('function');
  if (fn && resolver.lineageOf(fn).some((n) => VALIDATING_BASES.includes(n))) return true;
  return call.method === undefined && call.name !== undefined && VALIDATOR_NAME.test(call.name);
}

/** The values a validator call checks: its arguments (inside `*`/`**`) and its receiver, for APIs that validate `self`. */
function checkedValues(call: CallSite): SyntaxNode[] {
  const args = call.node.childForFieldName('arguments')?.namedChildren ?? [];
  const values = args.map((a) => (a.type === 'keyword_argument' ? a.childForFieldName('value') : a.type.endsWith('splat') ? a.namedChildren[0] : a));
  const fn = call.node.childForFieldName('function');
  const receiver = fn?.type === 'attribute' ? fn.childForFieldName('object') : null;
  return [...values, receiver].filter((v): v is SyntaxNode => v !== null && v !== undefined);
}
