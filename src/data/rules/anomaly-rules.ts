import type { RuleMeta } from '../../core/rule.js';
import { driftCategorical } from './drift-categorical.js';
import { driftLabelConditional } from './drift-label-conditional.js';
import { driftNumeric } from './drift-numeric.js';
import { logsErrorSpike } from './logs-error-spike.js';
import { logsNewErrorClass } from './logs-new-error-class.js';
import { logsNullTypeSpike } from './logs-null-type-spike.js';
import { logsWarningSpike } from './logs-warning-spike.js';
import { nullRate } from './null-rate.js';
import { range } from './range.js';
import { slowDrift } from './slow-drift.js';
import { typeMismatch } from './type-mismatch.js';

/** Rules behind drift, slow-poisoning and log alerts: they report through `drift`, `profile` and `logs`, not `assess`. */
export const anomalyRules: RuleMeta[] = [
  driftNumeric,
  driftCategorical,
  driftLabelConditional,
  nullRate,
  typeMismatch,
  range,
  slowDrift,
  logsErrorSpike,
  logsWarningSpike,
  logsNullTypeSpike,
  logsNewErrorClass,
];
