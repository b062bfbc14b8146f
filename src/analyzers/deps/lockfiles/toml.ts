import { parse, TomlError } from 'smol-toml';
import { LockfileError } from './errors.js';
import { isTable, type Table } from './fields.js';
import { stripBom } from './text.js';

/** Lockfiles nest inline tables two or three deep; anything far deeper is hostile. */
const MAX_INLINE_DEPTH = 64;

/** Parses TOML, turning a syntax error into a LockfileError on the line where it was found. */
export function decodeToml(text: string, file: string): Table {
  let data: unknown;
  try {
    // Unsafe keys (__proto__, constructor) are dropped: no lockfile needs them.
    data = parse(stripBom(text), { maxDepth: MAX_INLINE_DEPTH, unsafeKeyBehaviour: 'drop' });
  } catch (err) {
    // Anything the parser throws means the text is not a TOML lockfile; hostile input must not
    // escape as another kind of error.
    const reason = String((err as Error).message).replace(/^Invalid TOML document: /, '').split('\n')[0];
    throw new LockfileError(file, `invalid TOML: ${reason}`, err instanceof TomlError ? err.line : undefined);
  }
  if (!isTable(data)) throw new LockfileError(file, 'invalid TOML: the document is not a table');
  return data;
}

/**
 * Lines of the `[[name]]` headers, in order. smol-toml keeps no positions, but in a generated
 * lockfile the n-th header starts the n-th table of the array; callers use the lines only when
 * the counts agree (a header inside a multi-line string would make them differ).
 */
export function arrayTableLines(text: string, name: string): number[] {
  const header = new RegExp(`^\\s*\\[\\[\\s*${name}\\s*\\]\\]\\s*(#.*)?$`);
  const lines: number[] = [];
  stripBom(text)
    .split('\n')
    .forEach((line, i) => {
      if (header.test(line)) lines.push(i + 1);
    });
  return lines;
}
