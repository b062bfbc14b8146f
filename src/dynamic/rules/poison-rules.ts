import type { DynamicRule } from './dynamic-rule.js';
import { poisonCrashedRule } from './poison-crashed.js';
import { poisonPropagatedRule } from './poison-propagated.js';
import { poisonSilentDropRule } from './poison-silent-drop.js';

/** Every finding the poisoning simulation can report. */
export const poisonRules: DynamicRule[] = [poisonPropagatedRule, poisonCrashedRule, poisonSilentDropRule];
