import type { Confidence, Severity } from '../../core/finding.js';
import { isPlaceholder } from './placeholders.js';
import { rank } from './ranking.js';
import type { Candidate, SecretRule, Specificity } from './secret-rule.js';

/** One credential found in a text, judged and ranked. */
export interface SecretHit {
  rule: SecretRule;
  secret: string;
  /** Offsets of the secret in the text (end exclusive). */
  start: number;
  end: number;
  severity: Severity;
  confidence: Confidence;
  detail?: string;
  /** Why it was down-ranked, when it was. */
  reason?: string;
}

const SPECIFICITY_ORDER: Record<Specificity, number> = { format: 0, structure: 1, generic: 2 };

/**
 * Runs every detector over a text with one shared prefilter: a single case-insensitive pass
 * finds every anchor of every detector, and a detector's pattern runs only when one of its
 * anchors occurs. Most files contain no anchor of most detectors, so most patterns never run.
 */
export class SecretScanner {
  private readonly anchorPattern: RegExp;
  /** Rules to run for a matched anchor: its own, and those of every anchor that is a prefix of it. */
  private readonly rulesOf = new Map<string, number[]>();

  constructor(private readonly rules: readonly SecretRule[]) {
    const byAnchor = new Map<string, number[]>();
    rules.forEach((rule, i) => {
      for (const anchor of rule.anchors) byAnchor.set(anchor, [...(byAnchor.get(anchor) ?? []), i]);
    });
    // Longest first, so that where anchors share a start the longest matches and the prefix
    // closure above still wakes the rules of the shorter ones.
    const anchors = [...byAnchor.keys()].sort((a, b) => b.length - a.length);
    for (const anchor of anchors) this.rulesOf.set(anchor, anchors.filter((a) => anchor.startsWith(a)).flatMap((a) => byAnchor.get(a)!));
    this.anchorPattern = new RegExp(anchors.map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'gi');
  }

  /** The rules whose anchors occur in `text`. */
  candidatesFor(text: string): SecretRule[] {
    const wanted = new Uint8Array(this.rules.length);
    const seen = new Set<string>();
    const pattern = this.anchorPattern;
    pattern.lastIndex = 0;
    for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
      const anchor = m[0].toLowerCase();
      if (!seen.has(anchor)) {
        seen.add(anchor);
        for (const i of this.rulesOf.get(anchor)!) wanted[i] = 1;
      }
      // Step one character, not past the match, so anchors overlapping this one are found too.
      pattern.lastIndex = m.index + 1;
    }
    return this.rules.filter((_, i) => wanted[i] === 1);
  }

  /** Every credential in `text` (a file at `file`, for ranking), overlapping matches resolved. */
  scan(text: string, file: string): SecretHit[] {
    const hits: SecretHit[] = [];
    for (const rule of this.candidatesFor(text)) hits.push(...matchRule(rule, text, file));
    return resolveOverlaps(hits);
  }
}

function matchRule(rule: SecretRule, text: string, file: string): SecretHit[] {
  const hits: SecretHit[] = [];
  rule.pattern.lastIndex = 0;
  for (const match of text.matchAll(rule.pattern)) {
    // A pattern with two shapes names its second capture secret2 (group names must be unique).
    const secret = match.groups?.secret ?? match.groups?.secret2;
    if (!secret || isPlaceholder(secret)) continue;
    const candidate: Candidate = { secret, groups: match.groups!, index: match.index, text };
    const verdict = rule.verify?.(candidate);
    if (verdict?.reject) continue;
    const start = match.index + match[0].indexOf(secret);
    const ranking = rank(secret, file, { severity: verdict?.severity ?? rule.severity, confidence: rule.confidence }, verdict?.doubt);
    hits.push({
      rule,
      secret,
      start,
      end: start + secret.length,
      severity: ranking.severity,
      confidence: ranking.confidence,
      ...(verdict?.detail ? { detail: verdict.detail } : {}),
      ...(ranking.reason ? { reason: ranking.reason } : {}),
    });
  }
  return hits;
}

/** Where matches overlap, the most specific detector keeps it (then the longest match). */
function resolveOverlaps(hits: SecretHit[]): SecretHit[] {
  const preferred = [...hits].sort(
    (a, b) => SPECIFICITY_ORDER[a.rule.specificity] - SPECIFICITY_ORDER[b.rule.specificity] || b.end - b.start - (a.end - a.start) || a.start - b.start,
  );
  // Kept hits stay sorted by start and never overlap, so one neighbour on each side decides.
  const kept: SecretHit[] = [];
  for (const hit of preferred) {
    let lo = 0;
    let hi = kept.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (kept[mid]!.start < hit.start) lo = mid + 1;
      else hi = mid;
    }
    const before = kept[lo - 1];
    const after = kept[lo];
    if ((before && before.end > hit.start) || (after && after.start < hit.end)) continue;
    kept.splice(lo, 0, hit);
  }
  return kept;
}
