import { expect, it } from 'vitest';
import { LineIndex } from '../../../src/analyzers/sql/lines.js';

it('turns character offsets into 1-based lines and columns, at line starts and ends too', () => {
  const source = new LineIndex('ab\ncde\n\nf');
  expect([0, 1, 2, 3, 5, 6, 7, 8].map((o) => source.position(o))).toEqual([
    { line: 1, column: 1 },
    { line: 1, column: 2 },
    { line: 1, column: 3 },
    { line: 2, column: 1 },
    { line: 2, column: 3 },
    { line: 2, column: 4 },
    { line: 3, column: 1 },
    { line: 4, column: 1 },
  ]);
});
