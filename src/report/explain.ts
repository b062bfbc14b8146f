import type { RuleMeta } from '../core/rule.js';

/** A rule's documentation as plain text: what, why, fix, examples, references. */
export function explainRule(rule: RuleMeta): string {
  const examples = (label: string, list: RuleMeta['bad']) =>
    list.map((e) => `${label} (${e.file}):\n${indent(e.code.trimEnd())}`).join('\n\n');
  return [
    `${rule.id} — ${rule.title}`,
    `severity: ${rule.severity} · confidence: ${rule.confidence} · category: ${rule.category} · ${rule.cwe.join(', ')}`,
    '',
    `What it does\n${indent(rule.what)}`,
    `Why it matters\n${indent(rule.why)}`,
    `How to fix it\n${indent(rule.remediation)}`,
    examples('Bad', rule.bad),
    examples('Good', rule.good),
    `References\n${rule.references.map((r) => `  - ${r}`).join('\n')}`,
    '',
  ].join('\n\n');
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => (l ? `    ${l}` : l))
    .join('\n');
}
