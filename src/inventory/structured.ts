import { isMap, isScalar, LineCounter, parseDocument, type Node } from 'yaml';

/**
 * A YAML or JSON document read as a node tree, never converted to JavaScript values: aliases are
 * left unexpanded (an alias bomb costs nothing), custom tags such as CloudFormation's `!Ref` stay
 * visible on their nodes, and every node knows its line.
 */
export interface NodeTree {
  root: unknown;
  lineOf(node: unknown): number;
}

/** Far deeper than any real template; deeper flow nesting makes the YAML parser exhaust memory. */
const MAX_FLOW_DEPTH = 256;

export function parseNodeTree(text: string): NodeTree | undefined {
  if (flowDepthExceeds(text, MAX_FLOW_DEPTH)) return undefined;
  const lineCounter = new LineCounter();
  try {
    // Errors are tolerated on purpose: a half-broken template still shows the resources it parsed.
    const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
    return { root: doc.contents, lineOf: (node) => lineCounter.linePos((node as Node | null)?.range?.[0] ?? 0).line };
  } catch {
    // The parser can run out of stack on pathological nesting; such a file has nothing to offer.
    return undefined;
  }
}

/**
 * Bracket depth counted without regard to quoting: an over-estimate at worst, and only a text
 * that opens hundreds of brackets it never closes would be refused for it.
 */
export function flowDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return true;
    } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
  }
  return false;
}

/** The key/value pairs of a mapping node whose keys are plain scalars. */
export function entriesOf(node: unknown): Array<{ key: string; keyNode: unknown; value: unknown }> {
  if (!isMap(node)) return [];
  return node.items.flatMap(({ key, value }) => (isScalar(key) && typeof key.value === 'string' ? [{ key: key.value, keyNode: key, value }] : []));
}

/** The value under `path` (keys of nested mappings), or undefined. */
export function valueAt(node: unknown, path: string[]): unknown {
  let current = node;
  for (const key of path) current = entriesOf(current).find((e) => e.key === key)?.value;
  return current;
}

/** A string written as such: not tagged (`!Sub …`), not an alias, not a mapping like `{"Fn::Join": …}`. */
export function literalString(node: unknown): string | undefined {
  if (!isScalar(node) || typeof node.value !== 'string') return undefined;
  return node.tag === undefined || node.tag === 'tag:yaml.org,2002:str' ? node.value : undefined;
}
