import type { ParsedLockfile } from '../model.js';
import { SkippedEntries } from '../skipped-entries.js';
import { assemble, type RawPackage } from './assemble.js';
import { LockfileError } from './errors.js';
import { dependencyTarget, descriptorName, npmSource } from './npm-refs.js';
import { stripBom } from './text.js';

/** One entry of a yarn 1 lockfile: the descriptors it resolves, its scalar fields and its blocks. */
interface Entry {
  descriptors: string[];
  line: number;
  fields: Map<string, string>;
  blocks: Map<string, Map<string, string>>;
}

const EDGE_BLOCKS = ['dependencies', 'optionalDependencies'] as const;

/**
 * yarn.lock v1, yarn's own indentation format (not YAML):
 *
 *     "@types/node@*", "@types/node@^20.0.0":
 *       version "20.12.7"
 *       resolved "https://registry.yarnpkg.com/@types/node/-/node-20.12.7.tgz#…"
 *       integrity sha512-…
 *       dependencies:
 *         undici-types "~5.26.4"
 *
 * It does not record the project's own dependencies or which are dev, so roots are derived
 * (see assemble) and nothing is marked dev.
 */
export function parseYarnV1(text: string, file: string): ParsedLockfile {
  const skipped = new SkippedEntries();
  const raw = readEntries(text, file).flatMap((entry) => skipped.read(entry.line, (): RawPackage => {
    const fail = (reason: string): never => {
      throw new LockfileError(file, `entry "${entry.descriptors.join(', ')}": ${reason}`, entry.line);
    };
    const descriptor = entry.descriptors[0];
    const name = descriptorName(descriptor) ?? fail(`"${descriptor}" is not name@range`);
    const range = descriptor.slice(name.length + 1);
    const resolved = entry.fields.get('resolved');
    return {
      name: dependencyTarget(name, range),
      version: entry.fields.get('version') ?? fail('"version" is missing'),
      dependencies: EDGE_BLOCKS.flatMap((block) => [...(entry.blocks.get(block) ?? [])].map(([dep, spec]) => dependencyTarget(dep, spec))),
      hashes: (entry.fields.get('integrity') ?? '').split(/\s+/).filter(Boolean),
      // file: and link: entries carry no "resolved"; the descriptor says where they are.
      source: npmSource(resolved ?? range),
      line: entry.line,
    };
  }) ?? []);
  return { ...assemble('npm', 'yarn.lock v1', raw), skipped: skipped.entries };
}

/**
 * Reads the entries line by line: headers at column 0, fields at 2, block members at 4 — the
 * only depths yarn 1 writes. Anything else is refused with its line.
 */
function readEntries(text: string, file: string): Entry[] {
  const entries: Entry[] = [];
  let entry: Entry | undefined;
  let block: Map<string, string> | undefined;
  stripBom(text)
    .split('\n')
    .forEach((rawLine, i) => {
      const line = i + 1;
      const fail = (reason: string): never => {
        throw new LockfileError(file, reason, line);
      };
      const lineText = rawLine.replace(/\r$/, '');
      const content = lineText.trimStart();
      if (content === '' || content.startsWith('#')) return;
      const indent = lineText.length - content.length;
      if (!/^ *$/.test(lineText.slice(0, indent))) fail('indentation must be spaces');
      const body = content.trimEnd();
      if (indent === 0) {
        entry = { descriptors: readHeader(body, fail), line, fields: new Map(), blocks: new Map() };
        entries.push(entry);
        block = undefined;
      } else if (indent === 2 && entry) {
        const [key, value] = readMember(body, fail);
        if (value !== undefined) {
          entry.fields.set(key, value);
          block = undefined;
        } else {
          block = new Map();
          entry.blocks.set(key, block);
        }
      } else if (indent === 4 && block) {
        const [key, value] = readMember(body, fail);
        block.set(key, value ?? fail(`"${key}" opens a block where a value is expected`));
      } else {
        fail(`unexpected indentation of ${indent} spaces`);
      }
    });
  return entries;
}

type Fail = (reason: string) => never;

/** `"@types/node@*", "@types/node@^20.0.0":` → the descriptors. */
function readHeader(body: string, fail: Fail): string[] {
  if (!body.endsWith(':')) fail('expected an entry header: descriptors followed by ":"');
  const list = body.slice(0, -1);
  const descriptors: string[] = [];
  let pos = 0;
  for (;;) {
    const item = readToken(list, skipSpaces(list, pos), BARE_DESCRIPTOR, fail);
    const value = item?.value.trim();
    if (!item || !value) return fail('expected a descriptor in the entry header');
    descriptors.push(value);
    pos = skipSpaces(list, item.end);
    if (pos === list.length) return descriptors;
    if (list[pos] !== ',') fail('expected "," between the descriptors of an entry header');
    pos++;
  }
}

/** `key value`, `key "value"` or `key:` (a block opener, value undefined). */
function readMember(body: string, fail: Fail): [string, string | undefined] {
  const key = readToken(body, 0, BARE_KEY, fail) ?? fail('expected a field name');
  const rest = body.slice(key.end);
  if (rest === ':') return [key.value, undefined];
  if (!/^\s+\S/.test(rest)) fail(`expected a value or ":" after "${key.value}"`);
  const valueText = rest.trimStart();
  const value = readToken(valueText, 0, BARE_VALUE, fail) ?? fail(`expected a value after "${key.value}"`);
  if (value.end !== valueText.length) fail(`unexpected text after the value of "${key.value}"`);
  return [key.value, value.value];
}

const QUOTED = /"(?:[^"\\]|\\.)*"/y;
const BARE_DESCRIPTOR = /[^,"]+/y;
const BARE_KEY = /[^\s:"]+/y;
const BARE_VALUE = /.+/y;

/** A JSON-style quoted string or a bare run matching `bare`, starting at `pos`. */
function readToken(text: string, pos: number, bare: RegExp, fail: Fail): { value: string; end: number } | undefined {
  const quoted = text[pos] === '"';
  const re = quoted ? QUOTED : bare;
  re.lastIndex = pos;
  const match = re.exec(text);
  if (!match) return quoted ? fail('unterminated string') : undefined;
  let value = match[0];
  if (quoted) {
    try {
      value = JSON.parse(value) as string;
    } catch {
      fail(`invalid string ${value}`);
    }
  }
  return { value, end: pos + match[0].length };
}

function skipSpaces(text: string, pos: number): number {
  while (text[pos] === ' ') pos++;
  return pos;
}
