import type { Instruction } from './parse.js';
import { commandsOf, type Word } from './shell.js';

/** One source of a COPY or ADD: its text, and where it is written in the body (not known in exec form). */
export interface CopySource {
  text: string;
  word?: Word;
}

/** The sources of a COPY or ADD instruction (every argument but the destination), in shell or exec form. */
export function copySources(instruction: Instruction): CopySource[] {
  if (instruction.json) return instruction.json.slice(0, -1).map((text) => ({ text }));
  const words = commandsOf(instruction.body.text).find((c) => c.depth === 0)?.words ?? [];
  return words.slice(0, -1).map((word) => ({ text: word.text, word }));
}
