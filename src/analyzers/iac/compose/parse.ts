import path from 'node:path';
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Range } from '../../../core/make-finding.js';
import { yamlErrorReason } from '../../../core/yaml-error.js';
import { isRecord, type Path, type YamlMap } from '../kubernetes/parse.js';

/** Aliases allowed in one file: plenty for `<<: *common` blocks, far too few for an alias bomb. */
const MAX_ALIASES = 100;

/**
 * compose.yaml, docker-compose.yml and their variants, the qualifier before or after
 * (docker-compose.override.yml, compose.prod.yaml, docker-compose-dev.yml, agent-docker-compose.yaml,
 * prod.compose.yml).
 */
const COMPOSE_FILE = /^([\w.-]+[.-])?(docker-)?compose([.-][\w-]+)*\.ya?ml$/i;

export function isComposeFile(file: string): boolean {
  return COMPOSE_FILE.test(path.posix.basename(file));
}

/** One service of a Compose file, `<<` merge keys applied. */
export interface ComposeService {
  name: string;
  data: YamlMap;
  /** ['services', name]. */
  path: Path;
}

export interface ParsedCompose {
  services: ComposeService[];
  problems: string[];
  /** The source range of `path` (from the document root), or of its nearest ancestor written in the file. */
  locate(path: Path): Range;
}

/**
 * The services of a Compose file. Invalid YAML, or aliases expanded past the limit, make the file
 * a problem with no services; a file without a `services` map has none and no problem (it is
 * some other YAML that happens to carry the name).
 */
export function parseCompose(text: string): ParsedCompose {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, logLevel: 'error', uniqueKeys: false, merge: true });
  const toRange = (start: number, end: number): Range => {
    const from = lineCounter.linePos(start);
    const to = lineCounter.linePos(Math.max(start, end));
    return { startLine: from.line, startColumn: from.col, endLine: to.line, endColumn: to.col };
  };
  const locate = (at: Path): Range => {
    for (let n = at.length; n >= 0; n--) {
      const range = nodeAt(doc, at.slice(0, n))?.range;
      if (range) return toRange(range[0], range[1]);
    }
    return toRange(0, 0);
  };
  const error = doc.errors[0];
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    return { services: [], problems: [`invalid YAML at line ${line}, column ${col}: ${yamlErrorReason(error)}`], locate };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    return { services: [], problems: [`${(err as Error).message} (aliases are limited to ${MAX_ALIASES} expansions)`], locate };
  }
  const services = isRecord(data) && isRecord(data['services']) ? data['services'] : {};
  return {
    services: Object.entries(services).flatMap(([name, service]) => (isRecord(service) ? [{ name, data: service, path: ['services', name] }] : [])),
    problems: [],
    locate,
  };
}

/** The node at `path`, through aliases and `<<` merge keys: a value a service takes from an `x-` block is found where that block writes it. */
function nodeAt(doc: Document.Parsed, path: Path): Node | undefined {
  let node: unknown = doc.contents;
  for (const key of path) {
    node = childOf(doc, node, key);
    if (node === undefined) return undefined;
  }
  return node as Node;
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
