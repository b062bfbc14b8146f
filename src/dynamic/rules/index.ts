import type { DynamicRule } from './dynamic-rule.js';
import { codeExecutionRule } from './code-execution.js';
import { crashRule } from './crash.js';
import { hangRule } from './hang.js';
import { memorySpikeRule } from './memory-spike.js';
import { networkAttemptRule } from './network-attempt.js';
import { payloadPropagatedRule } from './payload-propagated.js';
import { processSpawnRule } from './process-spawn.js';
import { rowsLostRule } from './rows-lost.js';

export type { DynamicRule };

/** Every finding the fuzzer can report, one per oracle. */
export const dynamicRules: DynamicRule[] = [
  crashRule,
  hangRule,
  memorySpikeRule,
  processSpawnRule,
  networkAttemptRule,
  codeExecutionRule,
  payloadPropagatedRule,
  rowsLostRule,
];
