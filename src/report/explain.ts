import type { RuleExample, RuleMeta } from '../core/rule.js';

/** A rule's documentation as plain text: what, why, fix, examples, references. */
export function explainRule(rule: RuleMeta): string {
  const facts = [`severity: ${rule.severity}`, `confidence: ${rule.confidence}`, `category: ${rule.category}`, ...rule.cwe];
  if (rule.bandit) facts.push(`Bandit ${rule.bandit.join(', ')} (# nosec ${rule.bandit[0]} suppresses it)`);
  const sections = [
    `${rule.id} — ${rule.title}\n${facts.join(' · ')}`,
    section('What it does', rule.what),
    section('Why it matters', rule.why),
    section('How to fix it', rule.remediation),
    ...rule.bad.map((e) => example('Bad', e)),
    ...rule.good.map((e) => example('Good', e)),
    rule.references.length > 0 ? `References\n${rule.references.map((r) => `  - ${r}`).join('\n')}` : '',
  ];
  return `${sections.filter(Boolean).join('\n\n')}\n`;
}

function section(heading: string, body: string): string {
  return body ? `${heading}\n${indent(body)}` : '';
}

function example(label: string, { file, code }: RuleExample): string {
  return `${label} (${file}):\n${indent(code.trimEnd())}`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => (l ? `    ${l}` : l))
    .join('\n');
}
