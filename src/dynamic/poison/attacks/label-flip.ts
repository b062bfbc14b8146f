import { cellText } from '../table/dataset.js';
import { normalise } from '../track.js';
import { reachingColumns, type Attack } from './attack.js';
import type { ColumnProfile } from '../profile.js';

const LABEL_NAME = /label|target|class|sentiment|rating|score|outcome|grade|stars|verdict|is_|flag/i;

/** The label column a model would learn from: by name first, else the category with the fewest values. */
export function labelColumn(columns: ColumnProfile[]): ColumnProfile | undefined {
  const labels = columns.filter((c) => c.categories.length >= 2 && (c.kind === 'category' || c.kind === 'number'));
  return labels.find((c) => LABEL_NAME.test(c.name)) ?? labels.filter((c) => c.kind === 'category').sort((a, b) => a.categories.length - b.categories.length)[0];
}

/** The labels seen in the sample that the schema allows (a flip is to another valid label, not to junk). */
function validLabels(column: ColumnProfile): string[] {
  const { minimum, maximum, enum: allowed } = column.schema;
  const valid = column.categories.filter(
    (c) => (minimum === undefined || Number(c) >= minimum) && (maximum === undefined || Number(c) <= maximum) && (!allowed || allowed.some((a) => normalise(a) === normalise(c))),
  );
  return valid.length >= 2 ? valid : column.categories;
}

/** A record whose label is swapped for another valid label: the classic training-data poisoning move. */
export const labelFlip: Attack = {
  id: 'label-flip',
  title: 'Label flips',
  family: 'integrity',
  severity: 'low',
  cwe: ['CWE-345'],
  description: 'the label column (by name, else the category with fewest values) swapped for another value seen in the sample',
  plan(ctx) {
    const column = labelColumn(reachingColumns(ctx, () => true));
    if (!column) return 'no label-like column reaches the output';
    return {
      column: column.name,
      poison(base, _i, _n, rng) {
        const current = normalise(base[column.name]);
        const others = validLabels(column).filter((c) => normalise(c) !== current);
        const flipped = rng.pick(others);
        const value = typeof base[column.name] === 'number' ? Number(flipped) : flipped;
        return { row: { ...base, [column.name]: value }, marker: { kind: 'value', column: column.name, value: cellText(value) } };
      },
    };
  },
};
