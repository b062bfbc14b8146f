import { substitute } from '../../../inventory/containers.js';

/** A Compose boolean that is on: YAML `true`, or the string forms Compose's loader also takes. */
export function isSet(value: unknown): boolean {
  return value === true || (typeof value === 'string' && /^(true|yes|on)$/i.test(value.trim()));
}

/** $HOME as the shell writes it: paths under it read the same whichever way they were written. */
const HOME: ReadonlyMap<string, string> = new Map([['HOME', '~']]);

/**
 * A Compose value with its variables substituted as far as the file tells: defaults apply
 * (`${TAG:-1.4}` is 1.4), `$HOME` and `${HOME}` become `~`, and any other variable stays as
 * written, with `unresolved` set.
 */
export function interpolate(text: string): { text: string; unresolved: boolean } {
  const result = substitute(text.trim(), HOME);
  return { text: result.text, unresolved: result.unresolved.length > 0 };
}

/** Splits on `:`, except inside `${…}` (where `${DIR:-/data}` has one of its own). */
export function splitOutsideVariables(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.startsWith('${', i)) depth++;
    else if (text[i] === '}' && depth > 0) depth--;
    else if (text[i] === ':' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
