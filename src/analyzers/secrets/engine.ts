import type { Confidence, Severity } from '../../core/finding.js';
import { classify, type FileKind } from '../../inventory/classify.js';
import { AnchorAutomaton } from './anchor-automaton.js';
import { bareStringSpans } from './docstrings.js';
import { markdownSpans } from './notebook-prose.js';
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
 * Runs every detector over a text with one shared prefilter: a single pass of an automaton
 * finds every anchor of every detector, and a detector's pattern runs only when one of its
 * anchors occurs. Most files contain no anchor of most detectors, so most patterns never run;
 * a detector that starts at its anchors is tried only where they occur.
 */
export class SecretScanner {
  private readonly automaton: AnchorAutomaton;
  /** For each anchor, the rules it wakes, and those of them that start at it. */
  private readonly rulesOf: number[][];
  private readonly startingAt: number[][];
  /** The sticky twin of each rule that starts at its anchors. */
  private readonly sticky: (RegExp | null)[];

  constructor(private readonly rules: readonly SecretRule[]) {
    const byAnchor = new Map<string, number[]>();
    rules.forEach((rule, i) => {
      for (const anchor of rule.anchors) byAnchor.set(anchor, [...(byAnchor.get(anchor) ?? []), i]);
    });
    this.sticky = rules.map((rule) => (rule.startsAtAnchor ? new RegExp(rule.pattern.source, `${rule.pattern.flags.replace('g', '')}y`) : null));
    this.automaton = new AnchorAutomaton([...byAnchor.keys()]);
    this.rulesOf = [...byAnchor.values()];
    this.startingAt = this.rulesOf.map((wakes) => wakes.filter((i) => this.sticky[i] !== null));
  }

  /** Which rules' anchors occur in `text`, and where (ascending), for the rules that start at them. */
  private findAnchors(text: string): { wanted: Uint8Array; offsets: (number[] | undefined)[] } {
    const wanted = new Uint8Array(this.rules.length);
    const offsets: (number[] | undefined)[] = new Array(this.rules.length);
    const seen = new Uint8Array(this.rulesOf.length);
    this.automaton.forEachOccurrence(text, (anchor, start) => {
      if (seen[anchor] === 0) {
        seen[anchor] = 1;
        for (const i of this.rulesOf[anchor]!) wanted[i] = 1;
      }
      for (const i of this.startingAt[anchor]!) (offsets[i] ??= []).push(start);
    });
    // Occurrences come in the order they end: a long anchor may end after a shorter one inside it.
    return { wanted, offsets: offsets.map((list) => list && ascendingUnique(list)) };
  }

  /** Every credential in `text` (a file at `file`, for ranking), overlapping matches resolved. */
  scan(text: string, file: string): SecretHit[] {
    const { wanted, offsets } = this.findAnchors(text);
    const hits: SecretHit[] = [];
    const kind = classify(file, '');
    const context: MatchContext = { unquotedIsExpression: EXPRESSION_LANGUAGES.has(kind), proseAt: proseOf(kind, text) };
    this.rules.forEach((rule, i) => {
      if (wanted[i] !== 1) return;
      const sticky = this.sticky[i];
      const matches = sticky ? matchesAt(sticky, text, matchStarts(text, offsets[i]!)) : text.matchAll(rule.pattern);
      hits.push(...judge(rule, matches, text, file, context));
    });
    return resolveOverlaps(hits);
  }
}

function ascendingUnique(list: number[]): number[] {
  for (let i = 1; i < list.length; i++) {
    if (list[i]! <= list[i - 1]!) return [...new Set(list)].sort((a, b) => a - b);
  }
  return list;
}

/** A line terminator as the `m` flag's `^` knows them: \n, \r, U+2028, U+2029. */
const isLineTerminator = (code: number): boolean => code === 10 || code === 13 || code === 0x2028 || code === 0x2029;

/**
 * The offsets where a match of a rule that starts at its anchors may begin: each anchor, after
 * the start of its line. Each line start is sought backwards from its anchor, no further than
 * the previous anchor (whose line it then shares), so the text is read at most once in all.
 */
export function matchStarts(text: string, anchorOffsets: number[]): number[] {
  const starts: number[] = [];
  let lineStart = 0;
  let previous = 0;
  for (const offset of anchorOffsets) {
    for (let i = offset - 1; i >= previous; i--) {
      if (isLineTerminator(text.charCodeAt(i))) {
        lineStart = i + 1;
        break;
      }
    }
    previous = offset;
    if (starts.length === 0 || starts[starts.length - 1]! < lineStart) starts.push(lineStart);
    if (starts[starts.length - 1] !== offset) starts.push(offset);
  }
  return starts;
}

/** The matches a global scan would find, tried only at `starts` (ascending) with a sticky pattern. */
function* matchesAt(sticky: RegExp, text: string, starts: number[]): Generator<RegExpExecArray> {
  let end = 0;
  for (const start of starts) {
    if (start < end) continue;
    sticky.lastIndex = start;
    const match = sticky.exec(text);
    if (match) {
      end = match.index + match[0].length;
      yield match;
    }
  }
}

/**
 * Languages in which an unquoted right-hand side is an expression (`tokens = Lexer.tokens`,
 * `api_key = var.key`), never a literal: there only quoted values can be hard-coded secrets.
 */
const EXPRESSION_LANGUAGES: ReadonlySet<FileKind> = new Set(['python', 'javascript', 'terraform']);

/** What the file's language says about a match: whether unquoted values are expressions, and whether an offset is in prose (and which). */
interface MatchContext {
  unquotedIsExpression: boolean;
  proseAt: (offset: number) => string | undefined;
}

/** Text written for a reader in files of `kind`: Python docstrings, notebook markdown cells. */
function proseOf(kind: FileKind, text: string): (offset: number) => string | undefined {
  if (kind === 'python') {
    const inDocstring = proseOfPython(text);
    return (offset) => (inDocstring(offset) ? 'it is in a docstring, written for the reader' : undefined);
  }
  if (kind === 'notebook') {
    let spans: Array<[number, number]> | undefined;
    return (offset) => ((spans ??= markdownSpans(text)).some(([start, end]) => offset >= start && offset < end) ? 'it is in a markdown cell, written for the reader' : undefined);
  }
  return () => undefined;
}

/**
 * Whether an offset lies in a docstring or a string standing as a comment. The file is parsed only
 * for an offset after an odd number of triple quotes of one kind: elsewhere it cannot be in one.
 */
function proseOfPython(text: string): (offset: number) => boolean {
  let quotes: number[][] | undefined;
  let spans: Array<[number, number]> | undefined;
  return (offset) => {
    quotes ??= ['"""', "'''"].map((q) => offsetsOf(text, q));
    if (!quotes.some((list) => countBefore(list, offset) % 2 === 1)) return false;
    return (spans ??= bareStringSpans(text)).some(([start, end]) => offset >= start && offset < end);
  };
}

function offsetsOf(text: string, needle: string): number[] {
  const found: number[] = [];
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) found.push(i);
  return found;
}

/** How many of the ascending offsets lie before `offset`. */
function countBefore(sorted: number[], offset: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function judge(rule: SecretRule, matches: Iterable<RegExpMatchArray>, text: string, file: string, context: MatchContext): SecretHit[] {
  const hits: SecretHit[] = [];
  for (const match of matches) {
    // A pattern with two shapes names its second capture secret2 (group names must be unique).
    const secret = match.groups?.secret ?? match.groups?.secret2;
    if (!secret) continue;
    if (context.unquotedIsExpression && match.groups?.secret2 !== undefined) continue;
    const candidate: Candidate = { secret, groups: match.groups!, index: match.index!, text };
    const verdict = rule.verify?.(candidate);
    if (verdict?.reject || (!verdict?.proven && isPlaceholder(secret))) continue;
    const start = match.index! + match[0].indexOf(secret);
    // A generic detector has only a name and some randomness to go on; in prose that is an example for the reader.
    const doubt = verdict?.doubt ?? (rule.specificity === 'generic' ? context.proseAt(start) : undefined);
    const ranking = rank(secret, file, { severity: verdict?.severity ?? rule.severity, confidence: rule.confidence }, doubt);
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
