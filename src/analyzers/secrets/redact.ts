/** Characters of a secret a report shows: enough to tell two secrets apart, too few to use one. */
const SHOWN = 4;

/**
 * The secret as reports show it: its first 4 characters then `…`. A short secret shows at most
 * half of itself, so a 6-character password does not give away 4 of its 6 characters.
 */
export function redact(secret: string): string {
  const chars = [...secret];
  return `${chars.slice(0, Math.min(SHOWN, Math.floor(chars.length / 2))).join('')}…`;
}

export interface Span {
  start: number;
  end: number;
}

/**
 * The text from `from` to `to` with every part covered by `spans` (sorted by start, not
 * overlapping) redacted, and every other
 * occurrence of a secret in it too (the same key pasted twice on a line).
 */
export function redactRange(text: string, from: number, to: number, spans: readonly Span[], secrets: readonly string[]): string {
  let out = '';
  let at = from;
  for (let i = firstEndingAfter(spans, from); i < spans.length && spans[i]!.start < to; i++) {
    const span = spans[i]!;
    const start = Math.max(span.start, at);
    out += text.slice(at, start) + redact(text.slice(start, Math.min(span.end, to)));
    at = Math.min(span.end, to);
  }
  return redactAll(out + text.slice(at, to), secrets);
}

/** Index of the first of `spans` (sorted, not overlapping) that ends after `offset`. */
function firstEndingAfter(spans: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `text` with every occurrence of each secret redacted. */
function redactAll(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) if (secret.length > 0 && out.includes(secret)) out = out.split(secret).join(redact(secret));
  return out;
}

/**
 * Plain data (an analyzer's facts: the URLs a module reads, say) with `secrets` redacted from
 * every string in it, so the result cache and the project analyzers never hold them. Values under
 * a key in `kept` are public by nature and left whole.
 */
export function redactDeep<T>(value: T, secrets: readonly string[], kept: ReadonlySet<string> = new Set()): T {
  if (secrets.length === 0) return value;
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return redactAll(v, secrets);
    if (Array.isArray(v)) return v.map(walk);
    if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, kept.has(k) ? x : walk(x)]));
    return v;
  };
  return walk(value) as T;
}

/** The shortest tail of a cut snippet that is checked for the start of a secret. */
const MIN_CUT_PREFIX = 4;

/**
 * Findings of any analyzer with `secrets` redacted from message, snippet and trace: another
 * rule reporting on the line of a credential (a plain-HTTP URL with a password, say) must not
 * repeat it. A snippet cut short (`…`) in the middle of a secret loses that start too.
 */
export function redactFindings<T extends { message: string; location: { snippet: string }; trace?: Array<{ label: string }> }>(findings: T[], secrets: readonly string[]): T[] {
  if (secrets.length === 0) return findings;
  const clean = (text: string) => redactCut(redactAll(text, secrets), secrets);
  return findings.map((f) => ({
    ...f,
    message: clean(f.message),
    location: { ...f.location, snippet: clean(f.location.snippet) },
    ...(f.trace ? { trace: f.trace.map((step) => ({ ...step, label: clean(step.label) })) } : {}),
  }));
}

function redactCut(text: string, secrets: readonly string[]): string {
  if (!text.endsWith('…')) return text;
  const body = text.slice(0, -1);
  for (const secret of secrets) {
    for (let n = Math.min(secret.length - 1, body.length); n >= MIN_CUT_PREFIX; n--) {
      if (body.endsWith(secret.slice(0, n))) return `${body.slice(0, -n)}${redact(secret)}`;
    }
  }
  return text;
}

/**
 * Project analyzers read source lines themselves when they report; where such a finding sits on
 * the line of a secret finding, it takes that finding's snippet — the same line, redacted.
 */
export function shareRedactedSnippets<T extends { category: string; location: { file: string; startLine: number; snippet: string } }>(findings: T[]): T[] {
  const redacted = new Map<string, string>();
  for (const f of findings) if (f.category === 'secret') redacted.set(`${f.location.file}\u0000${f.location.startLine}`, f.location.snippet);
  if (redacted.size === 0) return findings;
  return findings.map((f) => {
    const snippet = f.category === 'secret' ? undefined : redacted.get(`${f.location.file}\u0000${f.location.startLine}`);
    return snippet === undefined || snippet === f.location.snippet ? f : { ...f, location: { ...f.location, snippet } };
  });
}
