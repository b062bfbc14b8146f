import { parsePython } from '../python/parser.js';

/**
 * Where a Python file has strings standing alone as statements — docstrings, and strings used as
 * comments — as [start, end) offsets. What they hold is written for a reader (`password='IAmSensitive'`
 * in a usage example), not configuration the code runs with. A file the parser refuses has none.
 */
export function bareStringSpans(text: string): Array<[number, number]> {
  let tree;
  try {
    tree = parsePython(text);
  } catch {
    return [];
  }
  return tree.rootNode
    .descendantsOfType('expression_statement')
    .filter((s) => s.namedChildCount === 1 && ['string', 'concatenated_string'].includes(s.namedChildren[0]!.type))
    .map((s) => [s.startIndex, s.endIndex]);
}
