import { fileAnalysis } from '../../../src/analyzers/python/index.js';
import { parsePython, type SyntaxNode } from '../../../src/analyzers/python/parser.js';

/** The analyzer's per-file machinery, built the way the analyzer builds it. */
export function analysisOf(code: string) {
  const root = parsePython(code).rootNode;
  return { root, ...fileAnalysis(root, code, 'job.py') };
}

/** The right-hand side of the last assignment to `name`. */
export function lastValueOf(root: SyntaxNode, name: string): SyntaxNode {
  const assignments = root
    .descendantsOfType('assignment')
    .filter((a) => a.childForFieldName('left')?.text === name && a.childForFieldName('right'));
  const last = assignments.at(-1);
  if (!last) throw new Error(`no assignment to ${name}`);
  return last.childForFieldName('right')!;
}

/** The outermost call on the file's last line of code (`a().b()` rather than `a()`). */
export function lastCall(root: SyntaxNode): SyntaxNode {
  const calls = root.descendantsOfType('call');
  const last = calls.reduce<SyntaxNode | undefined>(
    (best, c) => (!best || c.endIndex > best.endIndex || (c.endIndex === best.endIndex && c.startIndex < best.startIndex) ? c : best),
    undefined,
  );
  if (!last) throw new Error('no call');
  return last;
}
