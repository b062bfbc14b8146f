import type { SyntaxNode } from './parser.js';

const SIMPLE_ESCAPES: Record<string, number> = { '\\': 0x5c, "'": 0x27, '"': 0x22, a: 0x07, b: 0x08, f: 0x0c, n: 0x0a, r: 0x0d, t: 0x09, v: 0x0b };

/**
 * The bytes a `b"..."` literal spells (implicitly concatenated parts too), escapes decoded as
 * Python decodes them; undefined for text literals, f-strings and anything else.
 */
export function bytesLiteral(node: SyntaxNode): Uint8Array | undefined {
  const parts = node.type === 'concatenated_string' ? node.namedChildren : [node];
  const decoded: number[] = [];
  for (const part of parts) {
    const bytes = part.type === 'string' ? decodePart(part.text) : undefined;
    if (!bytes) return undefined;
    // One by one: spreading a megabyte-long literal into push() would overflow the stack.
    for (const byte of bytes) decoded.push(byte);
  }
  return Uint8Array.from(decoded);
}

function decodePart(text: string): number[] | undefined {
  const prefix = /^[A-Za-z]*/.exec(text)![0].toLowerCase();
  if (!prefix.includes('b') || prefix.includes('f')) return undefined;
  const rest = text.slice(prefix.length);
  const quote = rest.startsWith('"""') || rest.startsWith("'''") ? rest.slice(0, 3) : rest.slice(0, 1);
  if (!rest.endsWith(quote) || rest.length < 2 * quote.length) return undefined;
  const body = rest.slice(quote.length, rest.length - quote.length);
  return prefix.includes('r') ? ascii(body) : unescape(body);
}

function ascii(body: string): number[] | undefined {
  const codes = [...body].map((c) => c.charCodeAt(0));
  return codes.every((c) => c < 0x80) ? codes : undefined;
}

function unescape(body: string): number[] | undefined {
  const out: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c.charCodeAt(0) >= 0x80) return undefined;
    if (c !== '\\') {
      out.push(c.charCodeAt(0));
      continue;
    }
    const next = body[i + 1];
    if (next === undefined) return undefined;
    i++;
    if (next === '\n') continue;
    if (next === '\r') {
      if (body[i + 1] === '\n') i++;
      continue;
    }
    if (next in SIMPLE_ESCAPES) out.push(SIMPLE_ESCAPES[next]!);
    else if (next === 'x') {
      const hex = body.slice(i + 1, i + 3);
      if (!/^[0-9a-fA-F]{2}$/.test(hex)) return undefined;
      out.push(parseInt(hex, 16));
      i += 2;
    } else if (/[0-7]/.test(next)) {
      const octal = /^[0-7]{1,3}/.exec(body.slice(i))![0];
      out.push(parseInt(octal, 8) & 0xff);
      i += octal.length - 1;
    } else out.push(0x5c, next.charCodeAt(0));
  }
  return out;
}
