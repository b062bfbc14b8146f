import { isMap, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { LockfileError } from './errors.js';
import { stripBom } from './text.js';
import { yamlErrorReason } from '../../../core/yaml-error.js';

/** Lockfiles use no aliases at all; a handful is tolerated, an alias bomb is refused before it expands. */
const MAX_ALIASES = 100;
/**
 * Lockfiles nest flow collections (`{ integrity: … }`) one or two deep. The yaml parser is
 * recursive and needs seconds to give up on hundreds of thousands of levels, so deeper nesting
 * is refused before parsing. Brackets inside quoted strings count too: no real lockfile has
 * dozens left open in a string.
 */
const MAX_FLOW_DEPTH = 64;

export interface DecodedYaml {
  data: unknown;
  /** Line of each key of the mapping at `path` (e.g. ["packages"]); empty when there is none. */
  keyLines(path: readonly string[]): Map<string, number>;
}

/**
 * Parses YAML with the failsafe schema: every scalar stays a string, so `version: 2.10` is not
 * read as the number 2.1 and `dev: true` arrives as "true". Nothing is executed: the yaml package
 * has no code-running tags.
 */
export function decodeYaml(text: string, file: string): DecodedYaml {
  const tooDeep = flowTooDeep(text);
  if (tooDeep !== undefined) throw new LockfileError(file, `invalid YAML: nested deeper than ${MAX_FLOW_DEPTH} levels`, tooDeep);
  const lineCounter = new LineCounter();
  let doc: Document;
  try {
    doc = parseDocument(stripBom(text), { schema: 'failsafe', lineCounter, uniqueKeys: true });
  } catch (err) {
    // The parser reports syntax errors in doc.errors; a throw means input hostile enough to break it.
    throw new LockfileError(file, `invalid YAML: ${(err as Error).message}`);
  }
  const first = doc.errors[0];
  if (first) {
    throw new LockfileError(file, `invalid YAML: ${yamlErrorReason(first)}`, first.linePos?.[0].line);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    // The alias-count guard throws here ("Excessive alias count…").
    throw new LockfileError(file, `invalid YAML: ${(err as Error).message}`);
  }
  return {
    data,
    keyLines(path) {
      const lines = new Map<string, number>();
      const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
      if (!isMap(node)) return lines;
      for (const pair of node.items) {
        const key = pair.key;
        if (isScalar(key) && key.range) lines.set(String(key.value), lineCounter.linePos(key.range[0]).line);
      }
      return lines;
    },
  };
}

/** The line where flow nesting first exceeds MAX_FLOW_DEPTH, if it does. */
function flowTooDeep(text: string): number | undefined {
  let depth = 0;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    else if (c === '[' || c === '{') {
      if (++depth > MAX_FLOW_DEPTH) return line;
    } else if ((c === ']' || c === '}') && depth > 0) depth--;
  }
  return undefined;
}
