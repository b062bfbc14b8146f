import path from 'node:path';
import type { CloudResource, Value } from '../cloud-rules/model.js';
import { evaluate, type ModuleFile, ModuleScope } from './evaluate.js';
import { instances, moduleResources } from './instances.js';
import type { HclBlock, TerraformFacts } from './hcl-syntax.js';

/** One evaluated module instance: the root of a configuration, or a local module it calls. */
export interface ModuleInstance {
  /** `""` for a root, `module.etl`, `module.etl.module.buckets` for called modules. */
  address: string;
  dir: string;
  /** The root directory whose configuration this instance belongs to. */
  root: string;
  resources: CloudResource[];
}

/** Module calls nested deeper than this are not followed (Terraform itself has no limit; cycles do). */
const MAX_MODULE_DEPTH = 8;

/** Terraform loads these variable files by itself; other .tfvars need a -var-file flag we cannot see. */
const AUTO_TFVARS = /(^|\/)(terraform\.tfvars|[^/]*\.auto\.tfvars)(\.json)?$/;
const TFVARS = /\.tfvars(\.json)?$/;

/**
 * Evaluates every Terraform configuration in the tree, as Terraform would per directory: a
 * directory no other one calls as a local module (`source = "./…"`) is a root, fed by its
 * auto-loaded tfvars; each local module it calls is evaluated with the call's arguments as its
 * variables, once per instance where `for_each`/`count` tell the instances' arguments apart.
 * Registry and git modules are not fetched, so their outputs stay unknown.
 */
export function evaluateProject(facts: ReadonlyMap<string, TerraformFacts>): ModuleInstance[] {
  const dirs = new Map<string, ModuleFile[]>();
  const tfvars = new Map<string, TerraformFacts[]>();
  for (const [file, f] of [...facts].sort(([a], [b]) => a.localeCompare(b))) {
    const dir = path.posix.dirname(file);
    if (TFVARS.test(file)) {
      if (AUTO_TFVARS.test(file)) tfvars.set(dir, [...(tfvars.get(dir) ?? []), f]);
    } else dirs.set(dir, [...(dirs.get(dir) ?? []), { path: file, blocks: f.blocks }]);
  }
  const called = new Set<string>();
  for (const [dir, files] of dirs) for (const call of moduleCalls(files)) {
    const target = localSource(dir, call);
    if (target !== undefined && target !== dir) called.add(target);
  }
  const instances: ModuleInstance[] = [];
  for (const [dir, files] of dirs) {
    if (called.has(dir)) continue;
    const inputs = new Map<string, Value>();
    // Later files win, as with Terraform's lexical loading order of *.auto.tfvars.
    for (const f of tfvars.get(dir) ?? []) for (const a of f.assignments) inputs.set(a.name, evaluate(a.expr, new ModuleScope([], new Map())));
    instantiate(dirs, dir, files, inputs, '', [dir], instances);
  }
  return instances;
}

/** Every resource of each configuration — a root module and the modules it calls — by the root's directory. */
export function resourcesByRoot(instances: readonly ModuleInstance[]): Map<string, CloudResource[]> {
  const configurations = new Map<string, CloudResource[]>();
  for (const i of instances) configurations.set(i.root, [...(configurations.get(i.root) ?? []), ...i.resources]);
  return configurations;
}

function instantiate(
  dirs: ReadonlyMap<string, ModuleFile[]>,
  dir: string,
  files: ModuleFile[],
  inputs: ReadonlyMap<string, Value>,
  address: string,
  stack: string[],
  out: ModuleInstance[],
): void {
  const scope = new ModuleScope(files, inputs);
  out.push({ address, dir, root: stack[0]!, resources: moduleResources(files, scope, address) });
  if (stack.length > MAX_MODULE_DEPTH) return;
  for (const call of moduleCalls(files)) {
    const target = localSource(dir, call);
    const targetFiles = target === undefined ? undefined : dirs.get(target);
    if (target === undefined || !targetFiles || stack.includes(target)) continue;
    for (const instance of instances(call, scope)) {
      const args = new Map<string, Value>();
      for (const a of call.attributes) if (!META_ARGUMENTS.has(a.name)) args.set(a.name, evaluate(a.expr, instance.scope));
      const name = `module.${call.labels[0] ?? ''}${instance.label ?? ''}`;
      instantiate(dirs, target, targetFiles, args, address ? `${address}.${name}` : name, [...stack, target], out);
    }
  }
}

const META_ARGUMENTS = new Set(['source', 'version', 'providers', 'count', 'for_each', 'depends_on']);

function moduleCalls(files: ModuleFile[]): HclBlock[] {
  return files.flatMap((f) => f.blocks.filter((b) => b.type === 'module'));
}

/** The directory a `./` or `../` module source names, relative to the scanned root; else undefined. */
function localSource(dir: string, call: HclBlock): string | undefined {
  const source = call.attributes.find((a) => a.name === 'source')?.expr;
  if (source?.t !== 'literal' || typeof source.value !== 'string' || !/^\.\.?\//.test(source.value)) return undefined;
  const target = path.posix.normalize(path.posix.join(dir, source.value)).replace(/\/$/, '');
  return target.startsWith('../') ? undefined : target;
}
