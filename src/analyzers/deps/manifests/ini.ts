import { excerpt, ManifestError } from './errors.js';
import { splitLines } from './text-lines.js';

/** One option of an INI section: its lines (the text after `=` first), each with its line number. */
export interface IniOption {
  line: number;
  lines: Array<{ text: string; line: number }>;
}

/**
 * Reads INI text the way Python's configparser does for setuptools: `[section]` headers,
 * `key = value` or `key: value` options (keys lower-cased), values continued on more-indented
 * lines, whole-line `#` and `;` comments. Like configparser, a stray line or a repeated
 * section or option is an error.
 */
export function parseIni(text: string): Map<string, Map<string, IniOption>> {
  const sections = new Map<string, Map<string, IniOption>>();
  let section: Map<string, IniOption> | undefined;
  let option: IniOption | undefined;
  splitLines(text).forEach((raw, i) => {
    const line = i + 1;
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) return;
    if (option && /^\s/.test(raw)) {
      option.lines.push({ text: trimmed, line });
      return;
    }
    option = undefined;
    const header = /^\[(.+)\]$/.exec(trimmed);
    if (header) {
      const name = header[1]!.trim();
      if (sections.has(name)) throw new ManifestError(`section [${name}] appears twice`, line);
      section = new Map();
      sections.set(name, section);
      return;
    }
    const delimiter = trimmed.search(/[=:]/);
    if (delimiter <= 0) throw new ManifestError(`expected "[section]" or "key = value", found ${excerpt(trimmed)}`, line);
    if (!section) throw new ManifestError('an option before the first [section] header', line);
    const key = trimmed.slice(0, delimiter).trim().toLowerCase();
    if (section.has(key)) throw new ManifestError(`option ${excerpt(key)} appears twice in its section`, line);
    option = { line, lines: [{ text: trimmed.slice(delimiter + 1).trim(), line }] };
    section.set(key, option);
  });
  return sections;
}
