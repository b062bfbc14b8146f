export interface JsonCheck {
  /** Nesting went deeper than the limit (checking stopped there). */
  tooDeep: boolean;
  /** Object keys that appeared twice in the same object, as JSON pointers. */
  duplicateKeys: string[];
}

export const DEFAULT_MAX_DEPTH = 512;

/**
 * Checks JSON text for what JSON.parse passes silently or chokes on: duplicate keys (the last one
 * wins, so a validator and a consumer can see different records) and hostile nesting depth. One
 * linear pass with no recursion; syntax errors are left to JSON.parse.
 */
export function checkJson(text: string, maxDepth = DEFAULT_MAX_DEPTH): JsonCheck {
  const duplicateKeys: string[] = [];
  // Per open container: its key set (objects) or null (arrays), and the key it sits under.
  const stack: Array<{ keys: Set<string> | null; path: string; expectKey: boolean; lastKey: string }> = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"') {
      const end = stringEnd(text, i);
      const top = stack[stack.length - 1];
      if (top?.keys && top.expectKey) {
        const key = decodeKey(text.slice(i, end + 1));
        if (top.keys.has(key)) duplicateKeys.push(`${top.path}/${escapePointer(key)}`);
        top.keys.add(key);
        top.lastKey = key;
        top.expectKey = false;
      }
      i = end + 1;
      continue;
    }
    if (ch === '{' || ch === '[') {
      if (stack.length >= maxDepth) return { tooDeep: true, duplicateKeys };
      const parent = stack[stack.length - 1];
      const path = parent ? `${parent.path}/${parent.keys ? escapePointer(parent.lastKey) : '-'}` : '';
      stack.push({ keys: ch === '{' ? new Set() : null, path, expectKey: ch === '{', lastKey: '' });
    } else if (ch === '}' || ch === ']') {
      stack.pop();
    } else if (ch === ',') {
      const top = stack[stack.length - 1];
      if (top?.keys) top.expectKey = true;
    }
    i++;
  }
  return { tooDeep: false, duplicateKeys };
}

function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '\\') i += 2;
    else if (ch === '"') return i;
    else i++;
  }
  return text.length - 1;
}

function decodeKey(quoted: string): string {
  if (!quoted.includes('\\')) return quoted.slice(1, -1);
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return quoted.slice(1, -1);
  }
}

function escapePointer(key: string): string {
  return key.replaceAll('~', '~0').replaceAll('/', '~1');
}
