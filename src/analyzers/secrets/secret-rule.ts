import type { Severity } from '../../core/finding.js';
import type { RuleMeta } from '../../core/rule.js';

/** One match of a detector's pattern, before it is judged. */
export interface Candidate {
  /** The credential itself: what is redacted, judged and deduplicated. */
  secret: string;
  /** Named groups of the pattern (`secret` among them). */
  groups: Readonly<Record<string, string | undefined>>;
  /** Offset of the whole match in `text`. */
  index: number;
  /** The whole text scanned, for checks that look around the match (a paired key id). */
  text: string;
}

/** What a detector's own check concludes about a candidate; nothing means "a credential, as the rule says". */
export interface Verdict {
  /** Not a credential after all: the value is a reference, a placeholder or not of the format. */
  reject?: boolean;
  /** A reason to doubt it (a failed checksum): the finding is down-ranked and says why. */
  doubt?: string;
  /**
   * The format's own check (a checksum) holds: a look-alike cannot pass it by chance, so the value
   * is reported even where it reads like a placeholder (a real token may hold `xxxx`).
   */
  proven?: boolean;
  severity?: Severity;
  /** Words added to the message, e.g. "paired with a secret access key on line 4". */
  detail?: string;
}

/**
 * How specific a detector is. Where two detectors match overlapping text the more specific one
 * reports it: a GitHub token inside `token = "…"` is a GitHub token, not a generic secret.
 */
export type Specificity = 'format' | 'structure' | 'generic';

/** A secret detector: its docs and metadata beside the pattern that finds it. */
export interface SecretRule extends RuleMeta {
  /**
   * Lower-case strings of which every match contains at least one. The scanner looks for all
   * anchors of all rules first and runs a rule's pattern only when one of its anchors occurs.
   */
  anchors: string[];
  /** Pattern with a named group `secret` (or `secret2` in a second alternative); made global. */
  pattern: RegExp;
  /**
   * Every match begins where one of the anchors occurs or at the start of a line holding one
   * (`password = "…"`, `export DB_PASSWORD=…`). The scanner then tries the pattern only at those
   * places instead of at every offset: worth it for detectors whose keywords are common words.
   */
  startsAtAnchor?: boolean;
  specificity: Specificity;
  verify?(candidate: Candidate): Verdict | undefined;
}

export type SecretRuleSpec = Omit<SecretRule, 'category' | 'confidence' | 'cwe' | 'specificity' | 'pattern'> &
  Partial<Pick<SecretRule, 'confidence' | 'cwe' | 'specificity'>> & { pattern: RegExp };

/** CWE-798: use of hard-coded credentials, the weakness every committed secret is an instance of. */
export const HARD_CODED_CREDENTIALS = 'CWE-798';

/** A secret rule with the defaults every detector shares; the pattern is made global. */
export function secretRule(spec: SecretRuleSpec): SecretRule {
  const flags = spec.pattern.flags.includes('g') ? spec.pattern.flags : `${spec.pattern.flags}g`;
  return {
    ...spec,
    category: 'secret',
    confidence: spec.confidence ?? 'high',
    cwe: spec.cwe ?? [HARD_CODED_CREDENTIALS],
    specificity: spec.specificity ?? 'format',
    pattern: new RegExp(spec.pattern.source, flags),
  };
}

/** The usual advice: revoke, rotate, and read the replacement from the environment or a secret store. */
export function rotateAndLoad(what: string, where: string, load: string): string {
  return (
    `Revoke the ${what} now (${where}) — it is in the repository's history even after the line is deleted — ` +
    `issue a new one, and ${load}.`
  );
}
