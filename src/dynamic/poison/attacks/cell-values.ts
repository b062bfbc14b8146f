import type { ColumnProfile } from '../profile.js';
import { reachingColumns, type AttackContext } from './attack.js';
import type { Cell } from '../table/dataset.js';

/** A number written the way the column holds its values: a JSON number stays a number, a CSV cell text. */
export function numberLike(original: Cell, value: number): Cell {
  return typeof original === 'number' ? value : String(value);
}

export function rounded(column: ColumnProfile, value: number): number {
  return column.integer ? Math.round(value) : Number(value.toPrecision(6));
}

/** The column's natural unit of spread: its standard deviation, or its range, or 1. */
export function spread(column: ColumnProfile): number {
  return column.std || column.max - column.min || 1;
}

/** The numeric column reaching the output most likely to be a measurement (many distinct values). */
export function numericTarget(ctx: AttackContext): ColumnProfile | undefined {
  return reachingColumns(ctx, (c) => c.kind === 'number').sort((a, b) => Number(a.categories.length > 0) - Number(b.categories.length > 0))[0];
}
