/**
 * Email addresses and phone numbers of people in output text. Matching is linear in the text
 * (outputs can be megabytes): emails are grown outwards from each `@` within RFC length limits,
 * and the phone patterns have only bounded repetition.
 */

export interface Match {
  index: number;
  value: string;
}

const LOCAL_CHAR = /[\p{L}\p{N}._%+-]/u;
const DOMAIN_CHAR = /[\p{L}\p{N}.-]/u;
const MAX_LOCAL = 64;
const MAX_DOMAIN = 253;
const TOP_LEVEL = /^\p{L}{2,}$/u;
/** Addresses of a function, not of a person; and `git@host` is an SSH remote. */
const ROLE_ACCOUNTS = new Set([
  'noreply', 'no-reply', 'donotreply', 'do-not-reply', 'support', 'info', 'admin', 'contact', 'help', 'sales', 'team',
  'security', 'abuse', 'postmaster', 'webmaster', 'hostmaster', 'hello', 'privacy', 'git',
]);
/** `icon@2x.png` is a file name. */
const FILE_SUFFIXES = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp']);

// `+49 151 2345 6789`, `+1 (415) 555-0100`: a country code, then 7–20 digits and separators,
// checked for 8–15 digits (E.164) afterwards.
const INTERNATIONAL = /(?<![\w+])\+\d[\d ().-]{6,20}\d(?!\d)/g;
// `(415) 555-0100`, `415.555.0100`: the North American layout; looser national layouts collide
// with dates, ids and columns of numbers.
const NORTH_AMERICAN = /(?<![\w.+-])(?:\(\d{3}\)\s?|\d{3}[ .-])\d{3}[ .-]\d{4}(?![\w]|[.-]\d)/g;

export function findEmails(text: string): Match[] {
  const found: Match[] = [];
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
    let start = at;
    while (start > 0 && at - start < MAX_LOCAL && LOCAL_CHAR.test(text[start - 1]!)) start--;
    while (start < at && text[start] === '.') start++;
    let end = at + 1;
    while (end < text.length && end - at <= MAX_DOMAIN && DOMAIN_CHAR.test(text[end]!)) end++;
    // A sentence's full stop or a dash after the address is not part of it.
    while (end > at + 1 && (text[end - 1] === '.' || text[end - 1] === '-')) end--;
    if (isPersonalAddress(text.slice(start, at), text.slice(at + 1, end))) found.push({ index: start, value: text.slice(start, end) });
  }
  return found;
}

function isPersonalAddress(local: string, domain: string): boolean {
  const labels = domain.split('.');
  const top = labels.at(-1)!.toLowerCase();
  if (local === '' || labels.length < 2 || labels.includes('') || !TOP_LEVEL.test(top) || FILE_SUFFIXES.has(top)) return false;
  return !ROLE_ACCOUNTS.has(local.toLowerCase().split('+')[0]!);
}

export function findPhoneNumbers(text: string): Match[] {
  const international = [...text.matchAll(INTERNATIONAL)].filter((m) => {
    const digits = m[0].replace(/\D/g, '').length;
    return digits >= 8 && digits <= 15;
  });
  return [...international, ...text.matchAll(NORTH_AMERICAN)].map((m) => ({ index: m.index, value: m[0] }));
}

/** The text with every email address and phone number replaced by a placeholder. */
export function redactPersonalData(text: string): string {
  const matches = [
    ...findEmails(text).map((m) => ({ ...m, placeholder: '<email>' })),
    ...findPhoneNumbers(text).map((m) => ({ ...m, placeholder: '<phone>' })),
  ].sort((a, b) => b.index - a.index);
  let out = text;
  let limit = text.length;
  // Right to left, so earlier indexes stay valid; an overlapping match is already covered.
  for (const m of matches) {
    if (m.index + m.value.length > limit) continue;
    out = out.slice(0, m.index) + m.placeholder + out.slice(m.index + m.value.length);
    limit = m.index;
  }
  return out;
}
