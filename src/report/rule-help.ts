import type { RuleExample, RuleMeta } from '../core/rule.js';
import { codeBlock } from './markdown-escape.js';

/**
 * A rule's help in Markdown, as code-scanning tools show it beside an alert: what / why / fix /
 * examples / references, the same sections `pipewarden explain` prints as text. Rule text is the
 * project's own, so Markdown in it (`yaml.safe_load`) is kept as written; only example code is fenced.
 */
export function ruleHelpMarkdown(rule: RuleMeta): string {
  const sections = [
    rule.what,
    rule.why && `**Why it matters.** ${rule.why}`,
    rule.remediation && `**How to fix it.** ${rule.remediation}`,
    ...rule.bad.map((e) => example('Flagged', e)),
    ...rule.good.map((e) => example('Use instead', e)),
    rule.references.length > 0 && ['**References**', '', ...rule.references.map((r) => `- <${r}>`)].join('\n'),
  ];
  return sections.filter(Boolean).join('\n\n');
}

function example(label: string, { file, code }: RuleExample): string {
  return `**${label}** (${file}):\n\n${codeBlock(code.trimEnd(), file)}`;
}
