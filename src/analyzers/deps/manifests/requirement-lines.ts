import path from 'node:path';
import type { DeclaredRequirement, PackageIndex, ParsedManifest, UncheckedTransport } from '../model.js';
import { excerpt, ManifestError } from './errors.js';
import type { SkippedEntries } from '../skipped-entries.js';
import { isUrl } from './direct-reference.js';
import { declareRequirement } from './requirement.js';

type OptionMeaning = 'requirements' | 'constraints' | 'primary' | 'extra' | 'editable' | 'hash' | 'trusted-host' | 'ignored' | 'flag';

/**
 * The options pip accepts in a requirements file. Those that only tune how pip downloads or
 * builds (find-links, binary preferences, build settings) are read and dropped.
 */
const LONG_OPTIONS = new Map<string, OptionMeaning>([
  ['--requirement', 'requirements'],
  ['--constraint', 'constraints'],
  ['--index-url', 'primary'],
  ['--extra-index-url', 'extra'],
  ['--editable', 'editable'],
  ['--hash', 'hash'],
  ['--find-links', 'ignored'],
  ['--trusted-host', 'trusted-host'],
  ['--no-binary', 'ignored'],
  ['--only-binary', 'ignored'],
  ['--use-feature', 'ignored'],
  ['--global-option', 'ignored'],
  ['--install-option', 'ignored'],
  ['--config-settings', 'ignored'],
  ['--no-index', 'flag'],
  ['--pre', 'flag'],
  ['--prefer-binary', 'flag'],
  ['--require-hashes', 'flag'],
]);
const SHORT_OPTIONS = new Map<string, OptionMeaning>([
  ['-r', 'requirements'],
  ['-c', 'constraints'],
  ['-i', 'primary'],
  ['-e', 'editable'],
  ['-f', 'ignored'],
  ['-C', 'ignored'],
]);
const HASH = /^[A-Za-z0-9]+:[0-9A-Fa-f]+$/;
/** PATH_MAX on Linux. */
const MAX_PATH_LENGTH = 4096;

/** Cuts a comment: `#` at the start or after whitespace (a `#` inside a URL stays). */
export function stripComment(line: string): string {
  const at = line.search(/(?:^|\s)#/);
  return at < 0 ? line : line.slice(0, at);
}

/**
 * Requirements written one per entry (setuptools' lists), where pip options do not apply but
 * comments and blank entries are tolerated. An entry that does not read is left out and noted.
 */
export function requirementList(entries: ReadonlyArray<{ text: string; line: number }>, group: string, skipped: SkippedEntries): DeclaredRequirement[] {
  return entries.flatMap(({ text, line }) => {
    const content = stripComment(text).trim();
    const requirement = content === '' ? undefined : skipped.read(line, () => declareRequirement(content, { group, line }));
    return requirement ? [requirement] : [];
  });
}

/**
 * Collects what requirements-file lines say. Shared by requirements.txt and conda's `pip:`
 * list, which pip reads the same way. `file` is the manifest's path relative to the scanned
 * root; `-r`/`-c` paths are relative to its directory.
 */
export class RequirementLines {
  readonly requirements: DeclaredRequirement[] = [];
  readonly indexes: PackageIndex[] = [];
  readonly uncheckedTransport: UncheckedTransport[] = [];
  readonly includes: ParsedManifest['includes'] = [];

  constructor(private readonly file: string) {}

  /** One logical line: continuations joined, comment removed. */
  add(text: string, line: number): void {
    // Options start at the first word beginning with "-"; what comes before is the requirement.
    const optionsAt = text.search(/(?:^|\s)-/);
    const requirementText = (optionsAt < 0 ? text : text.slice(0, optionsAt)).trim();
    let requirement = requirementText === '' ? undefined : declareRequirement(requirementText, { group: 'main', line });
    if (requirement) this.requirements.push(requirement);
    const words = optionsAt < 0 ? [] : splitWords(text.slice(optionsAt), line);
    for (let i = 0; i < words.length; i++) {
      const { meaning, value, consumed } = readOption(words, i, line);
      i += consumed;
      if (meaning === 'hash') {
        if (requirementText === '') throw new ManifestError('--hash belongs on the line of the requirement it checks', line);
        if (!HASH.test(value)) throw new ManifestError(`--hash=${excerpt(value)} is not of the form algorithm:hexdigest`, line);
        requirement?.hashes.push(value);
      } else if (meaning === 'editable') {
        requirement = declareRequirement(value, { group: 'main', line });
        if (requirement) this.requirements.push(requirement);
      } else if (meaning === 'trusted-host') {
        this.uncheckedTransport.push({ setting: `--trusted-host ${value}`, line });
      } else if (meaning === 'primary' || meaning === 'extra') {
        this.indexes.push({ url: value, kind: meaning, line });
      } else if (meaning === 'requirements' || meaning === 'constraints') {
        const file = resolveInclude(this.file, value);
        if (file !== undefined) this.includes.push({ file, kind: meaning, line });
      }
    }
  }
}

/**
 * An included file's path relative to the scanned root, from the including `file` (itself
 * relative to the root). Undefined for a URL, an absolute path, a path that leaves the root or
 * one longer than any file system allows (Node's normalising of it would take quadratic time):
 * nothing this scan could or should read.
 */
export function resolveInclude(file: string, target: string): string | undefined {
  if (target.length > MAX_PATH_LENGTH || isUrl(target) || path.posix.isAbsolute(target) || path.win32.isAbsolute(target)) return undefined;
  const resolved = path.posix.normalize(path.posix.join(path.posix.dirname(file), target.replaceAll('\\', '/')));
  return resolved === '..' || resolved.startsWith('../') ? undefined : resolved;
}

/** The option at `words[i]` and its value (attached with "=", glued to a short option, or the next word). */
function readOption(words: string[], i: number, line: number): { meaning: OptionMeaning; value: string; consumed: number } {
  const word = words[i]!;
  const eq = word.indexOf('=');
  const [name, attached] = word.startsWith('--')
    ? eq < 0 ? [word, undefined] : [word.slice(0, eq), word.slice(eq + 1)]
    : [word.slice(0, 2), word.length > 2 ? word.slice(2) : undefined];
  const meaning = (word.startsWith('--') ? LONG_OPTIONS : SHORT_OPTIONS).get(name);
  if (meaning === undefined) {
    throw new ManifestError(word.startsWith('-') ? `unknown option ${excerpt(name)}` : `unexpected ${excerpt(word)} after the options`, line);
  }
  if (meaning === 'flag') {
    if (attached !== undefined) throw new ManifestError(`option ${name} takes no value`, line);
    return { meaning, value: '', consumed: 0 };
  }
  if (attached !== undefined && attached !== '') return { meaning, value: attached, consumed: 0 };
  const next = attached === undefined ? words[i + 1] : undefined;
  if (next === undefined || next === '') throw new ManifestError(`option ${name} needs a value`, line);
  return { meaning, value: next, consumed: 1 };
}

/** Splits option text into words as a shell would for simple quoting ("a b" and 'a b'). */
function splitWords(text: string, line: number): string[] {
  const words: string[] = [];
  const word = /\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))/y;
  let current = '';
  let inWord = false;
  while (word.lastIndex < text.length) {
    const start = word.lastIndex;
    const m = word.exec(text);
    if (!m) {
      if (text.slice(start).trim() === '') break;
      throw new ManifestError('unterminated quote in the options', line);
    }
    // Pieces glued together ("--opt="a b) form one word; whitespace before a piece starts a new one.
    if (inWord && /^\s/.test(m[0])) {
      words.push(current);
      current = '';
    }
    current += m[1] ?? m[2] ?? m[3] ?? '';
    inWord = true;
  }
  if (inWord) words.push(current);
  return words;
}
