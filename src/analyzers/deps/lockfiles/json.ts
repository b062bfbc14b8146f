import { LockfileError } from './errors.js';
import { stripBom } from './text.js';

/** Parses JSON, turning a syntax error into a LockfileError on the line where it was found. */
export function decodeJson(text: string, file: string): unknown {
  const body = stripBom(text);
  try {
    return JSON.parse(body);
  } catch (err) {
    const message = (err as Error).message;
    const position = /at position (\d+)/.exec(message);
    const line = lineAt(body, position ? Number(position[1]) : body.length);
    throw new LockfileError(file, `invalid JSON: ${message.replace(/ in JSON at position.*/, '')}`, line);
  }
}

/**
 * The line of every member key of the objects `root[section]`, for the named sections: JSON.parse
 * keeps no positions, so one linear pass over the (already valid) text finds them. Iterative and
 * without per-key work proportional to depth, so deep nesting costs no more than its length.
 */
export function jsonMemberLines(text: string, sections: readonly string[]): Map<string, Map<string, number>> {
  const result = new Map<string, Map<string, number>>();
  const isObject: boolean[] = [];
  let line = 1;
  let expectKey = false;
  let section: Map<string, number> | undefined;
  for (let i = 0; i < text.length; i++) {
    switch (text[i]) {
      case '\n':
        line++;
        break;
      case '{':
        isObject.push(true);
        expectKey = true;
        break;
      case '[':
        isObject.push(false);
        expectKey = false;
        break;
      case '}':
      case ']':
        isObject.pop();
        expectKey = false;
        break;
      case ',':
        expectKey = isObject[isObject.length - 1] === true;
        break;
      case ':':
        expectKey = false;
        break;
      case '"': {
        const end = closingQuote(text, i);
        if (expectKey && isObject[0] === true) {
          const key = JSON.parse(text.slice(i, end + 1)) as string;
          if (isObject.length === 1) {
            section = sections.includes(key) ? new Map() : undefined;
            if (section) result.set(key, section);
          } else if (isObject.length === 2 && isObject[1] === true) {
            section?.set(key, line);
          }
        }
        i = end;
        break;
      }
    }
  }
  return result;
}

function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return text.length;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}
