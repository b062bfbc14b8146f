import type { Confidence, Severity } from '../../../core/finding.js';
import { calleeName, type CallSite } from '../call-site.js';
import type { SyntaxNode } from '../parser.js';
import type { PythonContext } from '../python-rule.js';
import type { ValueKind } from '../values.js';

const CONFIDENCE_ORDER: readonly Confidence[] = ['low', 'medium', 'high'];

/** The less certain of two confidences. */
export function weaker(a: Confidence, b: Confidence): Confidence {
  return CONFIDENCE_ORDER.indexOf(a) < CONFIDENCE_ORDER.indexOf(b) ? a : b;
}

/** The callee as messages show it: resolved where possible, else as written. */
export function calleeLabel(call: CallSite): string {
  return `${calleeName(call)}()`;
}

function describe(kind: Exclude<ValueKind, 'literal'>): string {
  return kind === 'formatted' ? 'built by string formatting or concatenation' : 'whose origin is not visible here';
}

export interface DynamicValueReport {
  /** The finding's message, given how the value came about ("built by string formatting…"). */
  message(how: string): string;
  /** Severity when nothing is known of the value's origin; the rule's own by default. */
  unknownSeverity?: Severity;
  /** A cap on confidence, when the finding also rests on another value not known exactly. */
  atMost?: Confidence;
  /** Where the value ends up: in a shell command shell-quoted parts are harmless, in markup HTML-escaped ones. */
  context?: 'shell' | 'html';
}

/**
 * The shared verdict of injection-shaped rules on a call's dangerous argument: a literal is
 * fine; a string built by formatting or concatenation is reported at the rule's severity with
 * high confidence; any other non-literal at medium confidence. Returns whether it reported.
 */
export function reportDynamic(ctx: PythonContext, call: CallSite, value: SyntaxNode, report: DynamicValueReport): boolean {
  const kind = ctx.kindOf(value, report.context);
  if (kind === 'literal') return false;
  const confidence: Confidence = kind === 'formatted' ? 'high' : 'medium';
  ctx.report(call.node, {
    message: report.message(describe(kind)),
    severity: kind === 'unknown' ? report.unknownSeverity : undefined,
    confidence: report.atMost ? weaker(confidence, report.atMost) : confidence,
  });
  return true;
}

/**
 * For calls whose `*args`/`**kwargs` may carry the argument that decides the verdict: the rule
 * cannot see it, so it neither stays silent nor claims a problem with any certainty.
 */
export function reportUnseen(ctx: PythonContext, call: CallSite, what: string): void {
  ctx.report(call.node, {
    message: `${calleeLabel(call)} gets *args/**kwargs that may carry ${what}; check what the caller passes`,
    severity: 'low',
    confidence: 'low',
  });
}
