import { LineIndex } from './text-lines.js';

/**
 * Lines of the keys of the top-level object and of the objects in it (`dependencies`,
 * `dependencies.pandas`), keyed by the path joined with "\u0000". JSON.parse gives no positions, so this re-reads the (already validated)
 * text: strings, brackets and ":" are all it needs to know which strings are keys, and how
 * deep. A repeated key keeps its last line, as JSON.parse keeps the last value.
 */
export function memberLines(text: string): Map<string, number> {
  const index = new LineIndex(text);
  const lines = new Map<string, number>();
  // One frame per open bracket: for objects, the key being read or whose value is being read.
  const frames: Array<{ object: boolean; key?: string; expectKey: boolean }> = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const end = stringEnd(text, i);
      const frame = frames.at(-1);
      if (frame?.object && frame.expectKey) {
        frame.key = decode(text.slice(i, end));
        frame.expectKey = false;
        const parent = frames.at(-2);
        if (frames.length === 1) lines.set(frame.key, index.lineAt(i));
        else if (frames.length === 2 && parent?.key !== undefined) lines.set(`${parent.key}\u0000${frame.key}`, index.lineAt(i));
      }
      i = end - 1;
    } else if (c === '{' || c === '[') {
      frames.push({ object: c === '{', expectKey: c === '{' });
    } else if (c === '}' || c === ']') {
      frames.pop();
    } else if (c === ',') {
      const frame = frames.at(-1);
      if (frame?.object) frame.expectKey = true;
    }
  }
  return lines;
}

/** The index just past the string starting at `start`. */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
  return i + 1;
}

function decode(quoted: string): string {
  try {
    return JSON.parse(quoted) as string;
  } catch {
    return quoted.slice(1, -1);
  }
}
