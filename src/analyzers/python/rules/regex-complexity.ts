import { createRequire } from 'node:module';
import type { Diagnostics } from 'recheck';

/** How Python will run the pattern: search anywhere, match at the start, or fullmatch the whole input. */
export type RegexMode = 'search' | 'match' | 'fullmatch';

export interface Backtracking {
  complexity: 'exponential' | 'polynomial';
  /** Degree of the polynomial (2 for quadratic); undefined for exponential. */
  degree: number | undefined;
  /** recheck's attack string in its compact form, e.g. `'a' + 'a'.repeat(31) + '\x00'`. */
  attack: string;
}

/**
 * recheck stops after this many milliseconds and answers "unknown", which counts as no finding.
 * Measured on this machine: ~130 ms for the first call (it starts its native checker), 1–6 ms per
 * pattern after that with the automaton checker; patterns with backreferences go to its fuzzer and
 * use the whole budget.
 */
export const CHECK_TIMEOUT_MS = 100;

/**
 * The budget for a pattern applied to ingested text, where a missed verdict matters most. On the
 * stdlib's 349 distinct patterns a 100 ms budget judged 58 vulnerable and a 2 s budget 78, at four
 * times the checker time: spent only where the analysis proves the text comes from outside.
 */
export const INGESTED_TEXT_TIMEOUT_MS = 2000;

type CheckSync = typeof import('recheck').checkSync;

/**
 * recheck is loaded on the first pattern to check. Its `checkSync` runs the checker on a helper
 * thread (synckit) that loads recheck's ~3 MB module of compiled Scala; going through recheck's
 * main module would load that module on the calling thread too, for nothing (~30 MB and ~150 ms
 * per analysis thread), so the helper is started directly, the way `checkSync` starts it.
 */
/** Patterns that take the automaton checker through its exponential, polynomial and safe verdicts. */
const WARM_UP = ['^(a+)+$', '\\s*#.*\\s*$', '^(\\w+)=(\\d+)$'];
let checkSync: CheckSync | undefined;
function recheck(): CheckSync {
  if (!checkSync) {
    const fromRecheck = createRequire(createRequire(import.meta.url).resolve('recheck'));
    try {
      const { createSyncFn } = fromRecheck('synckit') as { createSyncFn(workerPath: string): CheckSync };
      checkSync = createSyncFn(fromRecheck.resolve('./lib/synckit-worker.js'));
    } catch {
      // A recheck laid out differently: its own entry point still works.
      checkSync = (fromRecheck('recheck') as typeof import('recheck')).checkSync;
    }
    // Untimed first checks start the checker's thread and compile its code (~200 ms), which would
    // otherwise be charged to the budget of the first patterns a thread checks.
    for (const pattern of WARM_UP) checkSync(pattern, '', { timeout: null });
  }
  return checkSync;
}

/** What one check found: the attack if any, and whether recheck decided at all within its budget. */
export interface RegexCheck {
  found: Backtracking | undefined;
  decided: boolean;
}

/** Verdicts per budget and translated pattern, for the life of the process (a worker thread analyses many files). */
const cache = new Map<string, RegexCheck>();
const NOTHING_TO_CHECK: RegexCheck = { found: undefined, decided: true };

/**
 * Whether Python's backtracking engine can take super-linear time on the pattern, decided by
 * recheck (automata-theoretic analysis, with fuzzing where automata do not apply). Patterns it
 * cannot translate or decide are reported as safe: this check only speaks when it has an attack.
 */
export function backtracking(pattern: string, flags: ReadonlySet<PythonRegexFlag>, mode: RegexMode, timeoutMs = CHECK_TIMEOUT_MS): Backtracking | undefined {
  return checkRegex(pattern, flags, mode, timeoutMs).found;
}

/** The check behind `backtracking`, telling a pattern found safe from one recheck ran out of time on. */
export function checkRegex(pattern: string, flags: ReadonlySet<PythonRegexFlag>, mode: RegexMode, timeoutMs = CHECK_TIMEOUT_MS): RegexCheck {
  const translated = toJavaScript(pattern, flags, mode);
  if (!translated || !hasUnboundedRepetition(translated.source)) return NOTHING_TO_CHECK;
  const key = `${timeoutMs}/${translated.flags}/${translated.source}`;
  if (!cache.has(key)) cache.set(key, verdict(recheck()(translated.source, translated.flags, { timeout: timeoutMs })));
  return cache.get(key)!;
}

function verdict(diagnostics: Diagnostics): RegexCheck {
  if (diagnostics.status !== 'vulnerable') return { found: undefined, decided: diagnostics.status === 'safe' };
  const { complexity } = diagnostics;
  return {
    found: { complexity: complexity.type, degree: complexity.type === 'polynomial' ? complexity.degree : undefined, attack: diagnostics.attack.pattern },
    decided: true,
  };
}

export type PythonRegexFlag = 'IGNORECASE' | 'MULTILINE' | 'DOTALL' | 'VERBOSE';

/** re's one-letter inline flags and their names. */
const INLINE_FLAGS: Record<string, PythonRegexFlag> = { i: 'IGNORECASE', m: 'MULTILINE', s: 'DOTALL', x: 'VERBOSE' };

/**
 * The pattern in JavaScript syntax, which recheck reads, with Python's anchoring made explicit.
 * Returns undefined for syntax with no JavaScript equivalent (atomic groups, conditionals), so
 * that such patterns are left undecided rather than misjudged.
 */
export function toJavaScript(pattern: string, flags: ReadonlySet<PythonRegexFlag>, mode: RegexMode): { source: string; flags: string } | undefined {
  const all = new Set(flags);
  // Global inline flags lead the pattern: (?ix)…
  let body = pattern.replace(/^\(\?([aiLmsux]+)\)/, (_m, letters: string) => {
    for (const letter of letters) if (INLINE_FLAGS[letter]) all.add(INLINE_FLAGS[letter]);
    return '';
  });
  if (/\(\?[>(]|\(\?[aiLmsux-]+:|[*+?}]\+/.test(body)) return undefined;
  if (all.has('VERBOSE')) body = stripVerbose(body);
  body = body
    .replace(/\(\?#[^)]*\)/g, '')
    .replace(/\(\?P<(\w+)>/g, '(?<$1>')
    .replace(/\(\?P=(\w+)\)/g, '\\k<$1>')
    .replace(/(?<!\\)((?:\\\\)*)\\A/g, '$1(?<![\\s\\S])')
    .replace(/(?<!\\)((?:\\\\)*)\\Z/g, '$1(?![\\s\\S])');
  const source = mode === 'search' ? body : mode === 'match' ? `^(?:${body})` : `^(?:${body})$`;
  const jsFlags = (all.has('IGNORECASE') ? 'i' : '') + (all.has('MULTILINE') ? 'm' : '') + (all.has('DOTALL') ? 's' : '');
  return { source, flags: jsFlags };
}

/** re.VERBOSE: whitespace and #-comments outside character classes are not part of the pattern. */
/**
 * Matching time can only grow faster than the input where something repeats without bound
 * (`*`, `+`, `{n,}` outside a character class); patterns without that are linear, and asking
 * recheck about them (a few milliseconds each, thousands of patterns in a large tree) is waste.
 */
function hasUnboundedRepetition(source: string): boolean {
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') i++;
    else if (inClass) inClass = c !== ']';
    else if (c === '[') inClass = true;
    else if (c === '*' || c === '+' || (c === '{' && /^\{\d*,\}/.test(source.slice(i, i + 12)))) return true;
  }
  return false;
}

function stripVerbose(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      out += pattern.slice(i, i + 2);
      i++;
    } else if (inClass) {
      out += c;
      if (c === ']') inClass = false;
    } else if (c === '[') {
      out += c;
      inClass = true;
    } else if (c === '#') {
      const end = pattern.indexOf('\n', i);
      i = end === -1 ? pattern.length : end;
    } else if (!/\s/.test(c)) {
      out += c;
    }
  }
  return out;
}
