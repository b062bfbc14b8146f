import type { Confidence, Severity } from '../../../core/finding.js';
import type { CallSite } from '../call-site.js';
import type { JsContext } from '../js-rule.js';
import type { SyntaxNode } from '../parser.js';

export interface DynamicValueReport {
  /** The finding's message, given how the value came about ("built by a template string…"). */
  message(how: string): string;
  /** Severity and confidence when nothing is known of the value's origin; no report when omitted. */
  unknown?: { severity: Severity; confidence: Confidence };
}

/**
 * The shared verdict of injection-shaped rules on a call's dangerous argument: a literal is fine;
 * a string built from a template or concatenation, or a value taken from a request or from data
 * the script reads, is reported at the rule's severity with high confidence; any other value as
 * `unknown` says. Returns whether it reported.
 */
export function reportDynamic(ctx: JsContext, call: CallSite, value: SyntaxNode, report: DynamicValueReport): boolean {
  const kind = ctx.kindOf(value);
  if (kind === 'literal') return false;
  if (kind === 'formatted') {
    ctx.report(call.node, { message: report.message('built by a template string or concatenation'), confidence: 'high' });
    return true;
  }
  const taken = takenFrom(ctx, value);
  if (taken) {
    ctx.report(call.node, { message: report.message(taken), confidence: 'high' });
    return true;
  }
  if (!report.unknown) return false;
  ctx.report(call.node, { message: report.message('whose origin is not visible here'), ...report.unknown });
  return true;
}

/** How a value of no visible shape came from outside — a request, or data the script reads — if it did. */
export function takenFrom(ctx: JsContext, value: SyntaxNode): string | undefined {
  const input = ctx.inputOf(value);
  return input === 'request' ? 'taken from request input' : input === 'ingested' ? 'taken from data the script reads' : undefined;
}
