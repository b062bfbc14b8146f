import { NotebookError, readNotebook } from '../notebook/notebook.js';
import { JsonError } from '../notebook/json.js';

/**
 * Where a notebook's markdown cells sit in the raw .ipynb text, as [start, end) offsets of the
 * JSON strings holding their lines. What they say is written for a reader (`password = '…'` in a
 * usage note), as a docstring is. A file that is no readable notebook has none.
 */
export function markdownSpans(text: string): Array<[number, number]> {
  let cells;
  try {
    cells = readNotebook(text).cells;
  } catch (error) {
    if (error instanceof NotebookError || error instanceof JsonError) return [];
    throw error;
  }
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  return cells
    .filter((cell) => cell.type === 'markdown')
    .flatMap((cell) => cell.lines.map(({ at }): [number, number] => [lineStarts[at.line - 1]! + at.column - 1, lineStarts[at.line - 1]! + at.endColumn - 1]));
}
