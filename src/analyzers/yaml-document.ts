import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node, type Tags } from 'yaml';
import type { Range } from '../core/make-finding.js';
import { yamlErrorReason } from '../core/yaml-error.js';

/** Aliases allowed in one file: plenty for shared `&defaults` blocks, far too few for an alias bomb. */
const MAX_ALIASES = 100;

/** A path of map keys and sequence indexes from the document root. */
export type YamlPath = ReadonlyArray<string | number>;

export interface YamlDocument {
  /** The document as plain data, aliases and `<<` merge keys expanded; undefined when there are problems. */
  data: unknown;
  /** Why the file could not be read; empty when `data` is usable. */
  problems: string[];
  /** The source range of `path`, or of its nearest ancestor written in the file. */
  locate(path: YamlPath): Range;
  /**
   * Where `needle` is written inside the scalar at `path`, so a finding about one line of a
   * multi-line script points at that line; the scalar's own range when the needle cannot be found
   * verbatim in its source (a folded or escaped string). `occurrence` picks a later one of several (0 is the first).
   */
  locateText(path: YamlPath, needle: string, occurrence?: number): Range;
}

/**
 * One YAML document read for rules that need both its values and where they are written. Invalid
 * YAML, or aliases expanded past the limit, make a problem and no data, never an exception.
 * `customTags` read a format's own tags (GitLab's `!reference`) into values of their own.
 */
export function parseYamlDocument(text: string, customTags: Tags = []): YamlDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, logLevel: 'error', uniqueKeys: false, merge: true, customTags });
  const toRange = (start: number, end: number): Range => {
    const from = lineCounter.linePos(start);
    const to = lineCounter.linePos(Math.max(start, end));
    return { startLine: from.line, startColumn: from.col, endLine: to.line, endColumn: to.col };
  };
  const locate = (at: YamlPath): Range => {
    for (let n = at.length; n >= 0; n--) {
      const range = nodeAt(doc, at.slice(0, n))?.range;
      if (range) return toRange(range[0], range[1]);
    }
    return toRange(0, 0);
  };
  const locateText = (at: YamlPath, needle: string, occurrence = 0): Range => {
    const node = nodeAt(doc, at);
    if (needle !== '' && isScalar(node) && node.range) {
      const written = text.slice(node.range[0], node.range[1]);
      let index = written.indexOf(needle);
      for (let n = 0; n < occurrence && index !== -1; n++) index = written.indexOf(needle, index + needle.length);
      if (index !== -1) return toRange(node.range[0] + index, node.range[0] + index + needle.length);
    }
    return locate(at);
  };
  const error = doc.errors[0];
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    return { data: undefined, problems: [`invalid YAML at line ${line}, column ${col}: ${yamlErrorReason(error)}`], locate, locateText };
  }
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_ALIASES }), problems: [], locate, locateText };
  } catch (err) {
    return { data: undefined, problems: [`${(err as Error).message} (aliases are limited to ${MAX_ALIASES} expansions)`], locate, locateText };
  }
}

/** The node at `path`, through aliases and `<<` merge keys: a value taken from an anchored block is found where that block writes it. */
function nodeAt(doc: Document.Parsed, path: YamlPath): Node | undefined {
  let node: unknown = doc.contents;
  for (const key of path) {
    node = childOf(doc, node, key);
    if (node === undefined) return undefined;
  }
  return (isAlias(node) ? node.resolve(doc) : node) as Node | undefined;
}

function childOf(doc: Document.Parsed, node: unknown, key: string | number, merging = new Set<unknown>()): unknown {
  const target = isAlias(node) ? node.resolve(doc) : node;
  // A map merged into itself (`&a {<<: *a}`) would send the search round for ever.
  if (merging.has(target)) return undefined;
  merging.add(target);
  if (isSeq(target)) return typeof key === 'number' ? target.items[key] : undefined;
  if (!isMap(target)) return undefined;
  const own = target.get(key, true);
  if (own !== undefined) return own;
  // Keys written in the map win over merged ones; of several merged maps the first that has the key wins.
  for (const pair of target.items) {
    // With merge keys on, the yaml package reads `<<` as a symbol; its source text is still `<<`.
    if (!isScalar(pair.key) || pair.key.source !== '<<') continue;
    for (const source of isSeq(pair.value) ? pair.value.items : [pair.value]) {
      const found = childOf(doc, source, key, merging);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
