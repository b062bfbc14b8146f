import type { Attack } from './attack.js';
import { categoryInjection } from './category-injection.js';
import { duplicate } from './duplicate.js';
import { gradualShift } from './gradual-shift.js';
import { implausible } from './implausible.js';
import { formulaPayloads, scriptPayloads, sqlPayloads, templatePayloads, traversalPayloads } from './injection-payloads.js';
import { labelFlip } from './label-flip.js';
import { nearDuplicate } from './near-duplicate.js';
import { outOfRange } from './out-of-range.js';

export type { Attack, AttackContext, AttackPlan, Marker, PoisonedValue } from './attack.js';

/** Every poisoning attack, in the order the matrix lists them. */
export const ATTACKS: Attack[] = [
  outOfRange,
  implausible,
  labelFlip,
  duplicate,
  nearDuplicate,
  categoryInjection,
  gradualShift,
  formulaPayloads,
  sqlPayloads,
  scriptPayloads,
  traversalPayloads,
  templatePayloads,
];
