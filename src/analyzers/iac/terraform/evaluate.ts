import type { Range } from '../../../core/make-finding.js';
import { type Entry, type ObjectValue, plain, relocate, type Value } from '../cloud-rules/model.js';
import type { Expr, HclAttribute, HclBlock } from './hcl-syntax.js';

/** One file of a module directory, as the project step sees it. */
export interface ModuleFile {
  path: string;
  blocks: HclBlock[];
}

/**
 * What names resolve to where an expression is evaluated: the module instance's variables and
 * locals, and inside a resource made per `for_each` item or `count` index, or a dynamic block's
 * content, `each`/`count`/the block's iterator.
 */
export interface Scope {
  variable(name: string, at: Range): Value;
  local(name: string, at: Range): Value;
  /** The object an iterator name stands for (`each` is `{key, value}`, `count` is `{index}`), if bound here. */
  iterator(name: string): Value | undefined;
}

/** Resolves names inside one module instance: its variables (inputs, tfvars, defaults) and locals. */
export class ModuleScope implements Scope {
  private readonly variables = new Map<string, { block: HclBlock; file: string }>();
  private readonly locals = new Map<string, HclAttribute>();
  private readonly localValues = new Map<string, Value>();
  private readonly resolving = new Set<string>();

  constructor(
    files: readonly ModuleFile[],
    /** Values given to the module: a module call's arguments, or the root's tfvars. */
    private readonly inputs: ReadonlyMap<string, Value>,
  ) {
    for (const file of files) {
      for (const block of file.blocks) {
        if (block.type === 'variable' && block.labels[0]) this.variables.set(block.labels[0], { block, file: file.path });
        if (block.type === 'locals') for (const a of block.attributes) this.locals.set(a.name, a);
      }
    }
  }

  variable(name: string, at: Range): Value {
    const given = this.inputs.get(name);
    if (given) return relocate(given, at);
    const fallback = this.variables.get(name)?.block.attributes.find((a) => a.name === 'default');
    // Defaults are literals in Terraform; evaluating them with an empty scope keeps it that way.
    return fallback ? relocate(evaluate(fallback.expr, EMPTY_SCOPE), at) : unknown(at);
  }

  local(name: string, at: Range): Value {
    const attr = this.locals.get(name);
    if (!attr || this.resolving.has(name)) return unknown(at);
    let value = this.localValues.get(name);
    if (!value) {
      this.resolving.add(name);
      value = evaluate(attr.expr, this);
      this.resolving.delete(name);
      this.localValues.set(name, value);
    }
    return relocate(value, at);
  }

  iterator(): undefined {
    return undefined;
  }
}

/** A scope with one more iterator bound: `each` of one instance, a dynamic block's `ingress`. */
export class IteratorScope implements Scope {
  constructor(
    private readonly parent: Scope,
    private readonly name: string,
    private readonly value: Value,
  ) {}

  variable(name: string, at: Range): Value {
    return this.parent.variable(name, at);
  }

  local(name: string, at: Range): Value {
    return this.parent.local(name, at);
  }

  iterator(name: string): Value | undefined {
    return name === this.name ? this.value : this.parent.iterator(name);
  }
}

const EMPTY_SCOPE = new ModuleScope([], new Map());

const unknown = (range: Range, fragments?: string[]): Value => (fragments && fragments.length > 0 ? { kind: 'unknown', fragments, range } : { kind: 'unknown', range });
export const scalar = (value: string | number | boolean | null, range: Range): Value => ({ kind: 'scalar', value, range });

/** Terraform's names for things that exist only at plan time. */
const PLAN_TIME_ROOTS = new Set(['module', 'each', 'count', 'path', 'terraform', 'self']);

export function evaluate(expr: Expr, scope: Scope): Value {
  const { range } = expr;
  switch (expr.t) {
    case 'literal':
      return scalar(expr.value, range);
    case 'template':
      return evaluateTemplate(expr.parts, scope, range);
    case 'tuple':
      return { kind: 'list', items: expr.items.map((i) => evaluate(i, scope)), range };
    case 'object': {
      const entries: Entry[] = [];
      for (const { key, value } of expr.entries) {
        const name = evaluate(key, scope);
        if (name.kind !== 'scalar' || name.value === null) return unknown(range);
        entries.push({ key: String(name.value), value: evaluate(value, scope), keyRange: key.range });
      }
      return { kind: 'object', entries, range };
    }
    case 'traversal':
      return evaluateTraversal(expr, scope);
    case 'call':
      return callFunction(expr.name, expr.args.map((a) => evaluate(a, scope)), range);
    case 'conditional': {
      const condition = evaluate(expr.condition, scope);
      if (condition.kind !== 'scalar' || typeof condition.value !== 'boolean') return unknown(range);
      return evaluate(condition.value ? expr.then : expr.otherwise, scope);
    }
    case 'unary': {
      const operand = evaluate(expr.operand, scope);
      if (operand.kind !== 'scalar') return unknown(range);
      if (expr.op === '!' && typeof operand.value === 'boolean') return scalar(!operand.value, range);
      if (expr.op === '-' && typeof operand.value === 'number') return scalar(-operand.value, range);
      return unknown(range);
    }
    case 'binary':
      return evaluateBinary(expr.op, evaluate(expr.left, scope), evaluate(expr.right, scope), range);
    case 'for':
      return evaluateFor(expr, scope);
    default:
      return unknown(range);
  }
}

function evaluateTemplate(parts: Array<string | Expr>, scope: Scope, range: Range): Value {
  // "${x}" alone is x itself, whatever its type.
  if (parts.length === 1 && typeof parts[0] !== 'string') return relocate(evaluate(parts[0]!, scope), range);
  const known: string[] = [];
  const fragments: string[] = [];
  let complete = true;
  let pending = '';
  for (const part of parts) {
    const value = typeof part === 'string' ? scalar(part, range) : evaluate(part, scope);
    if (value.kind === 'scalar' && value.value !== null) {
      known.push(String(value.value));
      pending += String(value.value);
    } else {
      complete = false;
      if (pending) fragments.push(pending);
      pending = '';
    }
  }
  if (complete) return scalar(known.join(''), range);
  if (pending) fragments.push(pending);
  return unknown(range, fragments);
}

function evaluateTraversal(expr: Extract<Expr, { t: 'traversal' }>, scope: Scope): Value {
  const { root, range } = expr;
  const steps = expr.steps.map((s) => (typeof s === 'object' ? plain(evaluate(s, scope)) : s));
  if (steps.some((s) => typeof s !== 'string' && typeof s !== 'number')) return unknown(range);
  const bound = scope.iterator(root);
  // An item keeps its place: in the block's own `for_each`, or where that refers to a variable or local.
  if (bound) return navigate(bound, steps as Array<string | number>, range);
  const [first, ...rest] = steps as Array<string | number>;
  if (root === 'var' && typeof first === 'string') return navigate(scope.variable(first, range), rest, range);
  if (root === 'local' && typeof first === 'string') return navigate(scope.local(first, range), rest, range);
  if (PLAN_TIME_ROOTS.has(root) || typeof first !== 'string') return unknown(range);
  if (root === 'data') {
    const [name, ...attrs] = rest;
    return typeof name === 'string' ? refTo(`data.${first}.${name}`, attrs, range) : unknown(range);
  }
  return refTo(`${root}.${first}`, rest, range);
}

function refTo(target: string, steps: Array<string | number>, range: Range): Value {
  // `aws_s3_bucket.raw[0].id`: the instance index does not change which resource is meant.
  const attribute = steps.find((s): s is string => typeof s === 'string');
  return attribute ? { kind: 'ref', target, attribute, range } : { kind: 'ref', target, range };
}

function navigate(value: Value, steps: Array<string | number>, range: Range): Value {
  let current = value;
  for (const step of steps) {
    if (current.kind === 'object' && typeof step === 'string') current = current.entries.find((e) => e.key === step)?.value ?? unknown(range);
    else if (current.kind === 'list' && typeof step === 'number') current = current.items[step] ?? unknown(range);
    else return unknown(range);
  }
  return current;
}

function evaluateBinary(op: string, left: Value, right: Value, range: Range): Value {
  const a = plain(left);
  const b = plain(right);
  if (a === undefined || b === undefined) return unknown(range);
  if (op === '==') return scalar(JSON.stringify(a) === JSON.stringify(b), range);
  if (op === '!=') return scalar(JSON.stringify(a) !== JSON.stringify(b), range);
  if (typeof a === 'boolean' && typeof b === 'boolean') {
    if (op === '&&') return scalar(a && b, range);
    if (op === '||') return scalar(a || b, range);
  }
  return unknown(range);
}

/** The pure built-in functions that matter for security-relevant values; any other is unknown. */
function callFunction(name: string, args: Value[], range: Range): Value {
  const [first] = args;
  switch (name) {
    case 'jsonencode':
      // Kept as structure, each part at its own line, so policy rules can point at one statement.
      return first ?? unknown(range);
    case 'tostring':
    case 'tonumber':
    case 'tobool':
    case 'tolist':
    case 'toset':
    case 'tomap':
      // Kept as structure so policy rules can read a jsonencode({...}) document.
      return first ? relocate(first, range) : unknown(range);
    case 'lower':
    case 'upper': {
      const text = first?.kind === 'scalar' && typeof first.value === 'string' ? first.value : undefined;
      if (text === undefined) return unknown(range);
      return scalar(name === 'lower' ? text.toLowerCase() : text.toUpperCase(), range);
    }
    case 'merge': {
      if (!args.every((a) => a.kind === 'object')) return unknown(range);
      const merged = new Map<string, Entry>();
      for (const a of args as ObjectValue[]) for (const e of a.entries) merged.set(e.key, e);
      return { kind: 'object', entries: [...merged.values()], range };
    }
    case 'concat':
      return args.every((a) => a.kind === 'list') ? { kind: 'list', items: args.flatMap((a) => (a.kind === 'list' ? a.items : [])), range } : unknown(range);
    case 'flatten':
      return first?.kind === 'list' ? flattened(first, range) : unknown(range);
    case 'keys':
      return first?.kind === 'object' ? { kind: 'list', items: first.entries.map((e) => scalar(e.key, e.keyRange)), range } : unknown(range);
    case 'values':
      return first?.kind === 'object' ? { kind: 'list', items: first.entries.map((e) => e.value), range } : unknown(range);
    case 'lookup': {
      const key = args[1]?.kind === 'scalar' ? String(args[1].value) : undefined;
      if (first?.kind !== 'object' || key === undefined) return unknown(range);
      return first.entries.find((e) => e.key === key)?.value ?? args[2] ?? unknown(range);
    }
    case 'coalesce': {
      // The first argument that is neither null nor "", as long as none before it is unknown.
      for (const a of args) {
        if (a.kind !== 'scalar') return unknown(range);
        if (a.value !== null && a.value !== '') return a;
      }
      return unknown(range);
    }
    default:
      return unknown(range);
  }
}

/** Terraform's flatten(): nested lists made one, at any depth; unknown where a part is not known to be a list or item. */
function flattened(list: Extract<Value, { kind: 'list' }>, range: Range): Value {
  const items: Value[] = [];
  for (const item of list.items) {
    if (item.kind === 'unknown') return unknown(range);
    if (item.kind !== 'list') items.push(item);
    else {
      const inner = flattened(item, range);
      if (inner.kind !== 'list') return inner;
      items.push(...inner.items);
    }
  }
  return { kind: 'list', items, range };
}

/** A resource's arguments and nested blocks as one object (each block type a list of objects). */
export function evaluateBody(block: HclBlock, scope: Scope): ObjectValue {
  const entries: Entry[] = block.attributes.map((a) => ({ key: a.name, value: evaluate(a.expr, scope), keyRange: a.range }));
  const nested = new Map<string, Entry>();
  for (const child of block.blocks) {
    const isDynamic = child.type === 'dynamic';
    const key = isDynamic ? (child.labels[0] ?? '') : child.type;
    for (const value of isDynamic ? dynamicContents(child, scope) : [evaluateBody(child, scope)]) {
      const entry = nested.get(key);
      if (entry?.value.kind === 'list') entry.value.items.push(value);
      else nested.set(key, { key, value: { kind: 'list', items: [value], range: child.range }, keyRange: child.range });
    }
  }
  return { kind: 'object', entries: [...entries, ...nested.values()], range: block.range };
}

/**
 * The blocks a `dynamic` block makes: its `content` once for each item of a known `for_each`, with
 * the iterator (the block's label, or `iterator = name`) bound to `{key, value}`; present but
 * unknown when the collection is not known.
 */
function dynamicContents(block: HclBlock, scope: Scope): Value[] {
  const content = block.blocks.find((b) => b.type === 'content');
  const forEach = block.attributes.find((a) => a.name === 'for_each');
  const items = forEach && content ? iterations(evaluate(forEach.expr, scope), 'index') : undefined;
  if (!items) return [unknown(block.range)];
  const named = block.attributes.find((a) => a.name === 'iterator')?.expr;
  const iterator = named?.t === 'traversal' && named.steps.length === 0 ? named.root : (block.labels[0] ?? '');
  return items.map((item) => evaluateBody(content!, new IteratorScope(scope, iterator, item.binding)));
}

/** Instances past this many are not told apart: the block is evaluated once, its iterator unknown. */
export const MAX_INSTANCES = 64;

export interface Iteration {
  /** How Terraform addresses the instance: `["raw"]`, `[0]`. */
  label: string;
  binding: Value;
}

/**
 * `{key, value}` for each item of a known `for_each` collection: a map's keys and values; a set's
 * items as both (resources and modules), or a list's indexes and items (dynamic blocks).
 */
export function iterations(collection: Value, listKeys: 'value' | 'index'): Iteration[] | undefined {
  const pairs = pairsOf(collection, listKeys);
  if (!pairs || pairs.length > MAX_INSTANCES || pairs.some(([key]) => key.kind !== 'scalar')) return undefined;
  return pairs.map(([key, value]) => ({
    label: `[${JSON.stringify((key as Extract<Value, { kind: 'scalar' }>).value)}]`,
    binding: { kind: 'object', entries: [{ key: 'key', value: key, keyRange: key.range }, { key: 'value', value, keyRange: value.range }], range: collection.range },
  }));
}

/** The key and value of each item of a map, set or list; undefined for anything else. */
function pairsOf(collection: Value, listKeys: 'value' | 'index'): Array<[Value, Value]> | undefined {
  if (collection.kind === 'object') return collection.entries.map((e) => [scalar(e.key, e.keyRange), e.value]);
  if (collection.kind === 'list') return collection.items.map((item, i) => [listKeys === 'index' ? scalar(i, item.range) : item, item]);
  return undefined;
}

/** Items past this many are not evaluated one by one: the `for` expression is unknown. */
const MAX_FOR_ITEMS = 256;

/**
 * `[for k, v in coll : value if cond]` and `{for … : key => value}`: each item evaluated with its
 * names bound. A condition or key not known for some item makes the whole result unknown, as does
 * grouping (`...`), which merges values under repeated keys.
 */
function evaluateFor(expr: Extract<Expr, { t: 'for' }>, scope: Scope): Value {
  const { range } = expr;
  const pairs = pairsOf(evaluate(expr.collection, scope), 'index');
  if (!pairs || expr.grouped || pairs.length > MAX_FOR_ITEMS) return unknown(range);
  const items: Value[] = [];
  const entries: Entry[] = [];
  for (const [key, value] of pairs) {
    const valueScope = new IteratorScope(scope, expr.valueName, value);
    const inner = expr.keyName ? new IteratorScope(valueScope, expr.keyName, key) : valueScope;
    if (expr.condition) {
      const keep = evaluate(expr.condition, inner);
      if (keep.kind !== 'scalar' || typeof keep.value !== 'boolean') return unknown(range);
      if (!keep.value) continue;
    }
    if (!expr.key) {
      items.push(evaluate(expr.value, inner));
      continue;
    }
    const name = evaluate(expr.key, inner);
    if (name.kind !== 'scalar' || name.value === null) return unknown(range);
    entries.push({ key: String(name.value), value: evaluate(expr.value, inner), keyRange: name.range });
  }
  return expr.key ? { kind: 'object', entries, range } : { kind: 'list', items, range };
}
