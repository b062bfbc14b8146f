import type { CloudResource } from '../cloud-rules/model.js';
import { evaluate, evaluateBody, iterations, IteratorScope, MAX_INSTANCES, type ModuleFile, scalar, type Scope } from './evaluate.js';
import type { Expr, HclBlock } from './hcl-syntax.js';

/** One instance of a resource or module call, and the scope its arguments are read in. */
export interface Instance {
  scope: Scope;
  /** Set where instances are told apart: `["raw"]`, `[0]`. */
  label?: string;
}

/**
 * The instances `count`/`for_each` make of a block. They are told apart (each evaluated with its
 * own `each` or `count.index`) only where the block reads them; otherwise one evaluation stands for
 * all. None where the collection is known to be empty or the count zero.
 */
export function instances(block: HclBlock, scope: Scope): Instance[] {
  const forEach = block.attributes.find((a) => a.name === 'for_each');
  const count = block.attributes.find((a) => a.name === 'count');
  const meta = forEach ?? count;
  if (!meta) return [{ scope }];
  const collection = evaluate(meta.expr, scope);
  if (forEach) {
    if ((collection.kind === 'list' && collection.items.length === 0) || (collection.kind === 'object' && collection.entries.length === 0)) return [];
    const items = readsIterator(block, 'each') ? iterations(collection, 'value') : undefined;
    return items ? items.map(({ label, binding }) => ({ scope: new IteratorScope(scope, 'each', binding), label })) : [{ scope }];
  }
  if (collection.kind === 'scalar' && (collection.value === 0 || collection.value === false)) return [];
  const n = collection.kind === 'scalar' && typeof collection.value === 'number' && Number.isInteger(collection.value) ? collection.value : undefined;
  if (n === undefined || n > MAX_INSTANCES || !readsIterator(block, 'count')) return [{ scope }];
  return Array.from({ length: n }, (_, index) => ({
    scope: new IteratorScope(scope, 'count', { kind: 'object', entries: [{ key: 'index', value: scalar(index, meta.range), keyRange: meta.range }], range: meta.range }),
    label: `[${index}]`,
  }));
}

/** Does any argument of the block or its nested blocks refer to `root` (`each.value`, `count.index`)? */
function readsIterator(block: HclBlock, root: string): boolean {
  const reads = (expr: Expr): boolean => {
    switch (expr.t) {
      case 'traversal':
        return expr.root === root || expr.steps.some((s) => typeof s === 'object' && reads(s));
      case 'template':
        return expr.parts.some((p) => typeof p !== 'string' && reads(p));
      case 'tuple':
        return expr.items.some(reads);
      case 'object':
        return expr.entries.some((e) => reads(e.key) || reads(e.value));
      case 'call':
        return expr.args.some(reads);
      case 'conditional':
        return reads(expr.condition) || reads(expr.then) || reads(expr.otherwise);
      case 'unary':
        return reads(expr.operand);
      case 'binary':
        return reads(expr.left) || reads(expr.right);
      case 'for':
        return [expr.collection, expr.value, expr.key, expr.condition].some((e) => e !== undefined && reads(e));
      default:
        return false;
    }
  };
  return block.attributes.some((a) => a.name !== 'for_each' && a.name !== 'count' && reads(a.expr)) || block.blocks.some((b) => readsIterator(b, root));
}

/** The resources and data sources a module instance declares, one per instance `for_each`/`count` tells apart. */
export function moduleResources(files: readonly ModuleFile[], scope: Scope, module: string): CloudResource[] {
  const out: CloudResource[] = [];
  for (const file of files) {
    for (const block of file.blocks) {
      const [type, name] = block.labels;
      if ((block.type !== 'resource' && block.type !== 'data') || !type || !name) continue;
      const prefix = block.type === 'data' ? 'data.' : '';
      for (const instance of instances(block, scope)) {
        const body = evaluateBody(block, instance.scope);
        out.push({ dialect: 'terraform', type: `${prefix}${type}`, address: `${prefix}${type}.${name}`, ...(instance.label ? { instance: instance.label } : {}), file: file.path, range: block.range, body, module });
      }
    }
  }
  return out;
}
