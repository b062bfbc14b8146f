/**
 * Replaces the variable parts of a log message with placeholders before template mining, most
 * specific first so that a URL is not taken apart into a path and numbers.
 */
const MASKS: Array<[RegExp, string]> = [
  [/"(?:[^"\\]|\\.)*"|'(?:[^'\\\s]|\\.)(?:[^'\\]|\\.)*'|`[^`]*`/g, '<STR>'],
  [/\b[a-z][a-z0-9+.-]*:\/\/[^\s,;)\]]+/gi, '<URL>'],
  [/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, '<UUID>'],
  [/\b\d{4}-\d\d-\d\d(?:[ T]\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?\b/g, '<TS>'],
  [/\b\d\d:\d\d:\d\d(?:[.,]\d+)?\b/g, '<TS>'],
  [/\b\d{1,3}(?:\.\d{1,3}){3}(?::\d+)?\b/g, '<IP>'],
  [/(?:^|(?<=[\s=:(\[,]))(?:[A-Za-z]:\\|\.{0,2}\/)[^\s,;:)\]]*/g, '<PATH>'],
  [/\b0x[0-9a-f]+\b/gi, '<HEX>'],
  [/\b(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{8,}\b/gi, '<HEX>'],
  // Scientific notation before ids, which it would otherwise look like (1e-3).
  [/[-+]?\b\d+(?:\.\d+)?e[-+]?\d+\b/gi, '<NUM>'],
  [/\b(?=[\w-]*[A-Za-z])(?=[\w-]*\d)[A-Za-z0-9]+(?:[_-][A-Za-z0-9]+)+\b|\b(?=\w*[A-Za-z])(?=\w*\d)\w{6,}\b/g, '<ID>'],
  [/[-+]?\b\d+(?:\.\d+)?\b/g, '<NUM>'],
];

export function maskMessage(message: string): string {
  let masked = message;
  for (const [pattern, placeholder] of MASKS) masked = masked.replace(pattern, placeholder);
  return masked;
}

export const WILDCARD = '<*>';

/** True for a token that stands for variable content. */
export function isVariable(token: string): boolean {
  return /^<[A-Z*]+>$/.test(token);
}
