import type { DeclaredRequirement, ParsedManifest } from '../model.js';
import { parsePython, type SyntaxNode, UnparseableSource } from '../../python/parser.js';
import { atLine, ManifestError } from './errors.js';
import { SkippedEntries } from '../skipped-entries.js';
import { validateMarker } from './markers.js';
import { requirementList } from './requirement-lines.js';

type Entry = { text: string; line: number };

/**
 * setup.py, read statically — it is never run. In each `setup(...)` / `setuptools.setup(...)`
 * call, `install_requires` (main) and `extras_require` (one group per extra) are read when
 * their values are literals: a list or tuple of strings, or one string of lines. A value
 * computed at run time (a name, a call, `**kwargs`) says nothing certain, so it is left out
 * without complaint; so are non-literal elements of a literal list. A file Python could not
 * parse would fail `pip install` too, and is an error.
 */
export function parseSetupPy(text: string, _file: string): ParsedManifest {
  let root: SyntaxNode;
  try {
    root = parsePython(text).rootNode;
  } catch (error) {
    if (error instanceof UnparseableSource) throw new ManifestError(error.message);
    throw error;
  }
  if (root.hasError) throw new ManifestError('Python syntax error', firstErrorLine(root));
  const requirements: DeclaredRequirement[] = [];
  const skipped = new SkippedEntries();
  for (const call of root.descendantsOfType('call').filter(isSetupCall)) {
    for (const argument of call.childForFieldName('arguments')?.namedChildren ?? []) {
      if (argument.type !== 'keyword_argument') continue;
      const keyword = argument.childForFieldName('name')?.text;
      const value = argument.childForFieldName('value');
      if (!value) continue;
      if (keyword === 'install_requires') requirements.push(...requirementList(stringsOf(value), 'main', skipped));
      if (keyword === 'extras_require' && value.type === 'dictionary') requirements.push(...extras(value, skipped));
    }
  }
  return { type: 'manifest', ecosystem: 'PyPI', format: 'setup.py', requirements, indexes: [], includes: [], skipped: skipped.entries, isLibrary: true };
}

/** `setup(...)`, `setuptools.setup(...)`, `distutils.core.setup(...)`. */
function isSetupCall(call: SyntaxNode): boolean {
  const fn = call.childForFieldName('function');
  if (fn?.type === 'identifier') return fn.text === 'setup';
  return fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'setup';
}

/**
 * `{"s3": [...], "parquet:python_version >= '3.9'": [...]}`: setuptools lets an extra's key
 * carry a marker after ":", which applies to all its requirements.
 */
function extras(dictionary: SyntaxNode, skipped: SkippedEntries): DeclaredRequirement[] {
  return dictionary.namedChildren.flatMap((pair) => {
    const key = pair.type === 'pair' ? pair.childForFieldName('key') : null;
    const value = pair.childForFieldName('value');
    const name = key ? literalString(key) : undefined;
    if (name === undefined || !value) return [];
    const colon = name.indexOf(':');
    const extra = (colon < 0 ? name : name.slice(0, colon)).trim();
    const keyMarker = colon < 0 ? undefined : name.slice(colon + 1).trim();
    if (keyMarker !== undefined) atLine(key!.startPosition.row + 1, () => validateMarker(keyMarker));
    return requirementList(stringsOf(value), extra, skipped).map((requirement) => {
      if (keyMarker === undefined) return requirement;
      return { ...requirement, marker: requirement.marker === undefined ? keyMarker : `(${requirement.marker}) and (${keyMarker})` };
    });
  });
}

/** The literal strings of a list/tuple of strings, or the lines of one string, each with its line. */
function stringsOf(value: SyntaxNode): Entry[] {
  if (value.type === 'string') {
    const text = literalString(value);
    const firstLine = (value.namedChildren.find((c) => c.type === 'string_content') ?? value).startPosition.row + 1;
    return text === undefined ? [] : text.split('\n').map((line, i) => ({ text: line, line: firstLine + i }));
  }
  if (value.type !== 'list' && value.type !== 'tuple') return [];
  return value.namedChildren.flatMap((element) => {
    const text = element.type === 'string' ? literalString(element) : undefined;
    return text === undefined ? [] : [{ text, line: element.startPosition.row + 1 }];
  });
}

/**
 * A plain string literal's text; undefined for f-strings, bytes and strings with escapes
 * (requirement strings never need them, and decoding them is not worth the risk of error).
 */
function literalString(node: SyntaxNode): string | undefined {
  if (node.type !== 'string') return undefined;
  const prefix = (node.namedChildren[0]?.text ?? '').replace(/["']+$/, '').toLowerCase();
  if (prefix.includes('f') || prefix.includes('b')) return undefined;
  const parts = node.namedChildren.filter((c) => c.type !== 'string_start' && c.type !== 'string_end');
  const escaped = (part: SyntaxNode) => !prefix.includes('r') && part.descendantsOfType('escape_sequence').length > 0;
  if (parts.some((part) => part.type !== 'string_content' || escaped(part))) return undefined;
  return parts.map((p) => p.text).join('');
}

/** Line of the first error or missing node: descend into the first child that has an error. */
function firstErrorLine(root: SyntaxNode): number {
  let node: SyntaxNode = root;
  for (;;) {
    if (node.type === 'ERROR' || node.isMissing) return node.startPosition.row + 1;
    const next = node.children.find((c) => c.hasError || c.isMissing);
    if (!next) return node.startPosition.row + 1;
    node = next;
  }
}
