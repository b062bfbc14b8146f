import type { SyntaxNode } from './parser.js';

/** A call or `new` expression with its callee resolved through imports and assignments. */
export interface CallSite {
  node: SyntaxNode;
  /** Resolved callee name (`child_process.exec`, `pg.Pool().query`), or undefined. */
  name: string | undefined;
  /** The property called, for method calls (`query` in `client.query(q)`). */
  method: string | undefined;
  /** The receiver of a method call, as written. */
  receiver: SyntaxNode | undefined;
  args: SyntaxNode[];
  /** `tag\`…\``: the template goes to the tag as parts and values, never as one string. */
  tagged: boolean;
}

/** True when the callee resolves to one of `names`. */
export function calls(call: CallSite, names: readonly string[]): boolean {
  return call.name !== undefined && names.includes(call.name);
}

/** The callee as messages show it. */
export function calleeLabel(call: CallSite): string {
  const fn = call.node.childForFieldName('function') ?? call.node.childForFieldName('constructor');
  return `${call.name ?? fn?.text.slice(0, 60) ?? 'call'}()`;
}

/** The value of property `key` in an object literal, when written there. */
export function propertyOf(object: SyntaxNode | undefined, key: string): SyntaxNode | undefined {
  if (object?.type !== 'object') return undefined;
  for (const member of object.namedChildren) {
    if (member.type === 'pair' && member.childForFieldName('key')?.text.replace(/^['"]|['"]$/g, '') === key) {
      return member.childForFieldName('value') ?? undefined;
    }
    if (member.type === 'shorthand_property_identifier' && member.text === key) return member;
  }
  return undefined;
}

/** The last argument when it is an object literal: where Node APIs take their options. */
export function optionsOf(call: CallSite): SyntaxNode | undefined {
  const last = call.args.at(-1);
  return last?.type === 'object' ? last : undefined;
}
