import type { DeclaredRequirement, ParsedManifest } from '../model.js';
import { type IniOption, parseIni } from './ini.js';
import { SkippedEntries } from '../skipped-entries.js';
import { requirementList, resolveInclude } from './requirement-lines.js';

/**
 * setup.cfg: `[options] install_requires` (main) and `[options.extras_require]` (one group per
 * extra). setuptools takes a value spread over lines one requirement per line, and a value on
 * a single line as a ";"-separated list; `file: a.txt, b.txt` reads the requirements from
 * files, recorded here as includes. A setup.cfg always describes a package: a library.
 */
export function parseSetupCfg(text: string, file: string): ParsedManifest {
  const sections = parseIni(text);
  const includes: ParsedManifest['includes'] = [];
  const skipped = new SkippedEntries();
  const read = (option: IniOption | undefined, group: string): DeclaredRequirement[] => {
    if (!option) return [];
    const first = option.lines[0]!;
    if (/^file:/.test(first.text)) {
      for (const target of first.text.slice('file:'.length).split(',')) {
        const included = resolveInclude(file, target.trim());
        if (included !== undefined) includes.push({ file: included, kind: 'requirements', line: first.line });
      }
      return [];
    }
    const entries = option.lines.length === 1 ? first.text.split(';').map((text) => ({ text, line: first.line })) : option.lines;
    return requirementList(entries, group, skipped);
  };
  const options = sections.get('options');
  // configparser lower-cases keys; setuptools also still reads the dashed spelling.
  const requirements = read(options?.get('install_requires') ?? options?.get('install-requires'), 'main');
  for (const [extra, option] of sections.get('options.extras_require') ?? []) requirements.push(...read(option, extra));
  return { type: 'manifest', ecosystem: 'PyPI', format: 'setup.cfg', requirements, indexes: [], includes, skipped: skipped.entries, isLibrary: true };
}
