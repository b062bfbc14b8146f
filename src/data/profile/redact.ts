const KEEP = 4;
const MAX_SHOWN = 60;

/**
 * A value made safe to print and store: invisible and bidi characters become visible escapes (so a
 * terminal or spreadsheet cannot act on them), the first few characters stay so the payload's kind
 * is recognisable, and further letters and digits are masked (x / 9) keeping only the shape.
 */
export function redact(value: string): string {
  const chars = [...value];
  const shown = chars.slice(0, MAX_SHOWN).map((ch, i) => {
    const code = ch.codePointAt(0)!;
    if (code < 0x20 || (code >= 0x7f && code < 0xa0) || (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) {
      return `\\u${code.toString(16).padStart(4, '0')}`;
    }
    if (i < KEEP) return ch;
    if (/\p{L}/u.test(ch)) return 'x';
    if (/\p{N}/u.test(ch)) return '9';
    return ch;
  });
  const more = chars.length - MAX_SHOWN;
  return shown.join('') + (more > 0 ? `…(+${more} chars)` : '');
}
