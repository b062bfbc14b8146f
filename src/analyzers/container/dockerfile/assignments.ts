import type { Instruction } from './parse.js';
import { commandsOf } from './shell.js';

/** One `NAME=value` of an ENV or ARG instruction, with the offsets of the value in the instruction's body. */
export interface Assignment {
  name: string;
  /** Undefined for `ARG NAME` without a default. */
  value?: string;
  start: number;
  end: number;
}

/**
 * The variables an ENV or ARG instruction sets: `NAME=value …` pairs, or ENV's legacy
 * `NAME value with spaces` form.
 */
export function assignmentsOf(instruction: Instruction): Assignment[] {
  // ENV and ARG run no shell: a `$(…)` in a value is text.
  const words = commandsOf(instruction.body.text).flatMap((c) => (c.depth === 0 ? c.words : []));
  const first = words[0];
  if (!first) return [];
  if (instruction.keyword === 'ENV' && !first.text.includes('=')) {
    const rest = words.slice(1);
    return [{ name: first.text, value: rest.map((w) => w.text).join(' '), start: rest[0]?.start ?? first.end, end: rest.at(-1)?.end ?? first.end }];
  }
  return words.map((w) => {
    const eq = w.text.indexOf('=');
    return eq === -1 ? { name: w.text, start: w.start, end: w.end } : { name: w.text.slice(0, eq), value: w.text.slice(eq + 1), start: w.start, end: w.end };
  });
}
