import path from 'node:path';
import { isSeq, type Node } from 'yaml';
import { entriesOf, literalString, parseNodeTree } from '../../inventory/structured.js';

/** SQL a dbt project runs from its `dbt_project.yml`: a hook, with where its text is in the file. */
export interface DbtHook {
  key: string;
  /** The hook's SQL as YAML reads it, a template dbt renders when it runs the hook. */
  text: string;
  start: number;
  end: number;
}

/** Keys whose values are SQL run around a run (`on-run-*`) or around each node of a folder (`+pre-hook`). */
const HOOK_KEY = /^\+?(?:on-run-start|on-run-end|pre-hook|post-hook|pre_hook|post_hook)$/;

export function isDbtProject(file: string): boolean {
  return path.posix.basename(file) === 'dbt_project.yml';
}

/**
 * Every hook in the project file, however deep under `models:`/`seeds:`/`snapshots:` it is set:
 * a string, a list of them, or `{sql: …, transaction: …}` objects. A file that is no YAML gives a
 * problem to report and no hooks.
 */
export function dbtHooks(text: string): { hooks: DbtHook[]; problems: string[] } {
  const tree = parseNodeTree(text);
  if (!tree) return { hooks: [], problems: ['dbt_project.yml could not be read as YAML; its hooks were not checked'] };
  const hooks: DbtHook[] = [];
  const visit = (node: unknown, depth: number): void => {
    if (depth > 64) return;
    for (const { key, value } of entriesOf(node)) {
      if (HOOK_KEY.test(key)) collectHooks(key, value, hooks);
      else visit(value, depth + 1);
    }
  };
  visit(tree.root, 0);
  return { hooks, problems: [] };
}

function collectHooks(key: string, value: unknown, into: DbtHook[]): void {
  for (const item of isSeq(value) ? value.items : [value]) {
    const sql = entriesOf(item).find((e) => e.key === 'sql')?.value ?? item;
    const text = literalString(sql);
    const range = (sql as Node | null)?.range;
    if (text !== undefined && range) into.push({ key, text, start: range[0], end: range[1] });
  }
}
