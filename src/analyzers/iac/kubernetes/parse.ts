import { isCollection, isPair, LineCounter, parseAllDocuments, visit, type Document } from 'yaml';
import type { Range } from '../../../core/make-finding.js';
import { yamlErrorReason } from '../../../core/yaml-error.js';

/** Aliases allowed in one document: plenty for real manifests, far too few for an alias bomb. */
const MAX_ALIASES = 100;

/** A path of map keys and sequence indexes from the document root. */
export type Path = ReadonlyArray<string | number>;

export type YamlMap = Record<string, unknown>;

/** One Kubernetes object of a manifest file (a document, or an item of a `kind: List`). */
export interface K8sObject {
  kind: string;
  apiVersion: string;
  /** The object as plain data, aliases expanded. */
  data: YamlMap;
  /** Where the object sits in its document (`['items', 3]` inside a List). */
  base: Path;
  /** 0-based index of its document in the file. */
  doc: number;
}

export interface ParsedManifests {
  objects: K8sObject[];
  problems: string[];
  /** The source range of `path` inside `object`, or of its nearest ancestor that exists in the text. */
  locate(object: K8sObject, path: Path): Range;
}

/**
 * Every Kubernetes object in a (multi-document) YAML file. A document that is not valid YAML,
 * expands aliases past the limit, or is an unrendered Helm template costs only itself: it becomes
 * a problem, and the other documents are still read.
 */
export function parseManifests(text: string): ParsedManifests {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, logLevel: 'error', uniqueKeys: false });
  const list = Array.isArray(docs) ? docs : [];
  const objects: K8sObject[] = [];
  const problems: string[] = [];
  list.forEach((doc, index) => {
    const problem = documentProblem(doc, text, lineCounter);
    if (problem) {
      problems.push(problem);
      return;
    }
    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: MAX_ALIASES });
    } catch (err) {
      problems.push(`document ${index + 1}: ${(err as Error).message} (aliases are limited to ${MAX_ALIASES} expansions)`);
      return;
    }
    objects.push(...objectsOf(data, index));
  });
  return {
    objects,
    problems,
    locate(object, path) {
      const doc = list[object.doc]!;
      const full = [...object.base, ...path];
      for (let n = full.length; n >= 0; n--) {
        const node = n === 0 ? doc.contents : doc.getIn(full.slice(0, n), true);
        const range = (node as { range?: [number, number, number] } | null | undefined)?.range;
        if (range) return toRange(lineCounter, range[0], range[1]);
      }
      return toRange(lineCounter, 0, 0);
    },
  };
}

function documentProblem(doc: Document.Parsed, text: string, lineCounter: LineCounter): string | undefined {
  const error = doc.errors[0];
  const template = error ? text.includes('{{') : hasCollectionKey(doc);
  if (template) {
    const offset = Math.max(0, text.indexOf('{{', doc.range[0]));
    const { line } = lineCounter.linePos(offset);
    return `unrendered Helm/Go template ({{ … }} at line ${line}): render it with \`helm template\` and scan the output`;
  }
  if (!error) return undefined;
  const { line, col } = lineCounter.linePos(error.pos[0]);
  return `invalid YAML at line ${line}, column ${col}: ${yamlErrorReason(error)}`;
}

/** `image: {{ .Values.image }}` is valid YAML — a map used as a key — but no manifest means that. */
function hasCollectionKey(doc: Document.Parsed): boolean {
  let found = false;
  visit(doc, {
    Pair(_key, pair) {
      if (isPair(pair) && isCollection(pair.key)) {
        found = true;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}

function objectsOf(data: unknown, doc: number): K8sObject[] {
  if (!isRecord(data) || typeof data['kind'] !== 'string' || typeof data['apiVersion'] !== 'string') return [];
  if (data['kind'] === 'List' && Array.isArray(data['items'])) {
    return data['items'].flatMap((item, i) => objectsOf(item, doc).map((o) => ({ ...o, base: ['items', i, ...o.base] })));
  }
  return [{ kind: data['kind'], apiVersion: data['apiVersion'], data, base: [], doc }];
}

function toRange(lineCounter: LineCounter, start: number, end: number): Range {
  const from = lineCounter.linePos(start);
  const to = lineCounter.linePos(Math.max(start, end));
  return { startLine: from.line, startColumn: from.col, endLine: to.line, endColumn: to.col };
}

export function isRecord(value: unknown): value is YamlMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The plain value at `path`, or undefined. */
export function valueAt(data: unknown, path: Path): unknown {
  let node = data;
  for (const key of path) {
    if (typeof key === 'number' ? !Array.isArray(node) : !isRecord(node)) return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

export function recordAt(data: unknown, path: Path): YamlMap | undefined {
  const value = valueAt(data, path);
  return isRecord(value) ? value : undefined;
}

export function listAt(data: unknown, path: Path): unknown[] {
  const value = valueAt(data, path);
  return Array.isArray(value) ? value : [];
}
