/**
 * A wide feature table: a `label` column (a, b, c in turn) and `columns` integer columns n0, n1, …
 * Even columns spread over 97 values (a histogram only), odd ones over 7 (top values too).
 */
export const WIDE_LABELS = ['a', 'b', 'c'];

export function wideValue(row: number, column: number): number {
  return (row * (column + 1)) % (column % 2 === 0 ? 97 : 7);
}

export function wideLabel(row: number): string {
  return WIDE_LABELS[row % WIDE_LABELS.length]!;
}

export function wideCsv(rows: number, columns: number, cell: (row: number, column: number) => string | number = wideValue): string {
  const lines = [['label', ...Array.from({ length: columns }, (_, i) => `n${i}`)].join(',')];
  for (let r = 0; r < rows; r++) lines.push([wideLabel(r), ...Array.from({ length: columns }, (_, i) => cell(r, i))].join(','));
  return `${lines.join('\n')}\n`;
}
