import path from 'node:path';
import { isSeq, type Node } from 'yaml';
import { entriesOf, literalString, parseNodeTree } from '../../inventory/structured.js';

/**
 * SQL a dbt project runs from its YAML (`dbt_project.yml`, a property file): a hook, or the GRANT
 * a `grants` config makes dbt run, with where its text is in the file.
 */
export interface DbtHook {
  key: string;
  /** The file's base name, for messages. */
  file: string;
  /** The hook's SQL as YAML reads it, a template dbt renders when it runs the hook. */
  text: string;
  start: number;
  end: number;
}

/**
 * Keys whose values are SQL run around a run (`on-run-*`), around each node of a folder or one
 * model (`+pre-hook`, `pre_hook`), or ahead of a model's statement (`sql_header`).
 */
const HOOK_KEY = /^\+?(?:on-run-start|on-run-end|pre-hook|post-hook|pre_hook|post_hook|sql_header)$/;
/** dbt's `grants` config (`+grants: {select: [reporter]}`): dbt grants each privilege to each grantee after a build. */
const GRANTS_KEY = /^\+?grants$/;
/** Top-level keys of a property file that list resources dbt builds, whose `config:` may set hooks. */
const BUILT_RESOURCES = new Set(['models', 'seeds', 'snapshots']);

export function isDbtProject(file: string): boolean {
  return path.posix.basename(file) === 'dbt_project.yml';
}

/** A YAML file under dbt's default model, seed or snapshot folders: it may be a property file (`schema.yml`). */
export function mayBeDbtPropertyFile(file: string): boolean {
  return /\.ya?ml$/i.test(file) && /(?:^|\/)(?:models|seeds|snapshots)\//.test(file) && !isDbtProject(file);
}

/**
 * Every hook in a project file, however deep under `models:`/`seeds:`/`snapshots:` it is set, or
 * in a property file's resource lists (`models: [{name: orders, config: {post_hook: …}}]`): a
 * string, a list of them, or `{sql: …, transaction: …}` objects. A file that is no YAML gives a
 * problem to report and no hooks.
 */
export function dbtHooks(text: string, filePath: string): { hooks: DbtHook[]; problems: string[] } {
  const file = path.posix.basename(filePath);
  const tree = parseNodeTree(text);
  if (!tree) return { hooks: [], problems: [`${file} could not be read as YAML; its dbt hooks were not checked`] };
  const hooks: DbtHook[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (depth > 64) return;
    for (const item of isSeq(node) ? node.items : []) visit(item, depth + 1);
    for (const { key, value } of entriesOf(node)) {
      if (HOOK_KEY.test(key)) collectHooks(key, file, value, hooks);
      else if (GRANTS_KEY.test(key)) collectGrants(key, file, value, hooks);
      else visit(value, depth + 1);
    }
  };
  const roots = isDbtProject(filePath) ? [tree.root] : entriesOf(tree.root).flatMap((e) => (BUILT_RESOURCES.has(e.key) ? [e.value] : []));
  for (const root of roots) visit(root, 0);
  return { hooks, problems: [] };
}

function collectHooks(key: string, file: string, value: unknown, into: DbtHook[]): void {
  for (const item of isSeq(value) ? value.items : [value]) {
    const sql = entriesOf(item).find((e) => e.key === 'sql')?.value ?? item;
    const text = literalString(sql);
    const range = (sql as Node | null)?.range;
    if (text !== undefined && range) into.push({ key, file, text, start: range[0], end: range[1] });
  }
}

/** The statements a `grants` config stands for (`grant select on {{ this }} to reporter`), at each grantee. */
function collectGrants(key: string, file: string, value: unknown, into: DbtHook[]): void {
  for (const { key: privilege, value: grantees } of entriesOf(value)) {
    for (const grantee of isSeq(grantees) ? grantees.items : [grantees]) {
      const name = literalString(grantee);
      const range = (grantee as Node | null)?.range;
      if (name !== undefined && range) into.push({ key, file, text: grantStatement(privilege, name), start: range[0], end: range[1] });
    }
  }
}

/** The GRANT dbt runs for one privilege of a `grants` config (`+select` adds to inherited grantees) and one grantee. */
export function grantStatement(privilege: string, grantee: string): string {
  return `grant ${privilege.replace(/^\+/, '')} on {{ this }} to ${grantee}`;
}
