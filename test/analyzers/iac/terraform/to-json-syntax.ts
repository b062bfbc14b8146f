import type { Range } from '../../../../src/core/make-finding.js';
import type { Expr, HclBlock } from '../../../../src/analyzers/iac/terraform/hcl-syntax.js';
import { parseHcl } from '../../../../src/analyzers/iac/terraform/parse-hcl.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/**
 * Writes a native-syntax configuration in Terraform's JSON syntax, the way a generator would:
 * values that are plain data become JSON, every other expression becomes a `"${…}"` template
 * of its own source text, a single nested block an object and repeated ones an array. Tests use
 * it to run every rule example through the JSON reader too.
 */
export function toJsonSyntax(hcl: string): string {
  const lines = hcl.split('\n');
  const source = (range: Range): string => {
    const picked = lines.slice(range.startLine - 1, range.endLine);
    picked[picked.length - 1] = picked[picked.length - 1]!.slice(0, range.endColumn - 1);
    picked[0] = picked[0]!.slice(range.startColumn - 1);
    return picked.join('\n');
  };
  const escape = (text: string) => text.replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
  const value = (expr: Expr, literal: boolean): Json => {
    if (expr.t === 'literal') return typeof expr.value === 'string' && !literal ? escape(expr.value) : expr.value;
    if (expr.t === 'template' && expr.parts.every((p) => typeof p === 'string')) return escape(expr.parts.join(''));
    if (expr.t === 'tuple') return expr.items.map((i) => value(i, literal));
    if (expr.t === 'object' && expr.entries.every((e) => e.key.t === 'literal')) {
      return Object.fromEntries(expr.entries.map((e) => [String((e.key as { value: unknown }).value), value(e.value, literal)]));
    }
    return literal ? source(expr.range) : `\${${source(expr.range)}}`;
  };
  const body = (block: HclBlock, literal: boolean): { [key: string]: Json } => {
    const out: { [key: string]: Json } = {};
    for (const a of block.attributes) out[a.name] = value(a.expr, literal);
    const nested = new Map<string, Json[]>();
    for (const child of block.blocks) {
      const key = child.type === 'dynamic' ? 'dynamic' : child.type;
      const content = child.type === 'dynamic' ? { [child.labels[0] ?? '']: body(child, literal) } : body(child, literal);
      nested.set(key, [...(nested.get(key) ?? []), content]);
    }
    for (const [key, items] of nested) out[key] = items.length === 1 ? items[0]! : items;
    return out;
  };
  const root: { [key: string]: Json } = {};
  for (const block of parseHcl(hcl).blocks) {
    let at = root;
    for (const key of [block.type, ...block.labels.slice(0, -1)]) at = (at[key] ??= {}) as { [key: string]: Json };
    const last = block.labels.length > 0 ? block.labels[block.labels.length - 1]! : undefined;
    const content = body(block, block.type === 'variable');
    if (last === undefined) Object.assign(at, content);
    else at[last] = content;
  }
  return `${JSON.stringify(root, null, 2)}\n`;
}
