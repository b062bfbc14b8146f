import type { ParsedManifest } from '../model.js';
import { SkippedEntries } from '../skipped-entries.js';
import { RequirementLines, stripComment } from './requirement-lines.js';
import { splitLines } from './text-lines.js';

/**
 * requirements.txt, constraints.txt and pip-tools `.in` files, read as pip reads them: lines
 * ending in a backslash are joined to the next (a comment line ends the run), then comments
 * are cut, and each logical line is a requirement, options, or both. `${VAR}` references stay
 * as written: their values belong to the environment pip runs in, not to the file.
 */
export function parseRequirementsTxt(text: string, file: string): ParsedManifest {
  const lines = new RequirementLines(file);
  const skipped = new SkippedEntries();
  for (const { text: logical, line } of logicalLines(text)) {
    const content = stripComment(logical).trim();
    if (content !== '') skipped.read(line, () => lines.add(content, line));
  }
  const { requirements, indexes, uncheckedTransport, includes } = lines;
  return { type: 'manifest', ecosystem: 'PyPI', format: 'requirements.txt', requirements, indexes, uncheckedTransport, includes, skipped: skipped.entries, isLibrary: false };
}

function* logicalLines(text: string): Generator<{ text: string; line: number }> {
  let pending: string[] = [];
  let start = 0;
  const physical = splitLines(text);
  for (let i = 0; i < physical.length; i++) {
    const line = physical[i]!;
    if (pending.length === 0) start = i + 1;
    const comment = /^\s*#/.test(line);
    if (line.endsWith('\\') && !comment) {
      pending.push(line.slice(0, -1));
      continue;
    }
    // The space keeps a comment ending a run recognisable once the run is one line.
    pending.push(comment ? ` ${line}` : line);
    yield { text: pending.join(''), line: start };
    pending = [];
  }
  if (pending.length > 0) yield { text: pending.join(''), line: start };
}
