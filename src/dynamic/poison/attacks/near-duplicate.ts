import { cellText } from '../table/dataset.js';
import { reachingColumns, type Attack } from './attack.js';

/**
 * A copy of a clean record under a new id with a cosmetic change to its text (case and spacing):
 * deduplication by id or by exact content lets it through, so one record counts twice.
 */
export const nearDuplicate: Attack = {
  id: 'near-duplicate',
  title: 'Near-duplicates',
  family: 'integrity',
  severity: 'low',
  cwe: ['CWE-345'],
  description: 'a copy of a clean record under a new id, its text changed only in case and spacing',
  plan(ctx) {
    const column = (reachingColumns(ctx, (c) => c.kind === 'text')[0] ?? reachingColumns(ctx, (c) => c.kind === 'category')[0])?.name;
    return {
      column,
      poison(base) {
        if (!column) return { row: { ...base }, marker: { kind: 'copy' }, copy: 'fresh-id' };
        const text = cellText(base[column]);
        const changed = `${text.charAt(0).toUpperCase() === text.charAt(0) ? text.charAt(0).toLowerCase() : text.charAt(0).toUpperCase()}${text.slice(1)} `;
        return { row: { ...base, [column]: changed }, marker: { kind: 'copy' }, copy: 'fresh-id' };
      },
    };
  },
};
