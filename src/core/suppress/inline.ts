import type { SourceText } from '../source-text.js';

/**
 * An inline suppression: `# pipewarden: ignore[rule-id] reason` (also after `//` or `--`),
 * on the finding's own line or on a comment line directly above it. Without brackets it
 * covers every rule on that line.
 */
export interface InlineIgnore {
  /** The line of code it applies to. */
  line: number;
  rules: string[] | 'all';
  reason: string;
}

const DIRECTIVE = /(?:#|\/\/|--)\s*pipewarden:\s*ignore(?:\[([^\]]*)\])?[ \t]*(.*)$/;
const COMMENT_ONLY = /^\s*(?:#|\/\/|--)/;

/** The inline ignores that apply to each of `lines` (1-based), found in the file's comments. */
export function inlineIgnoresFor(source: SourceText, lines: Iterable<number>): InlineIgnore[] {
  const ignores: InlineIgnore[] = [];
  for (const line of new Set(lines)) {
    const own = parse(source.line(line));
    const above = line > 1 && COMMENT_ONLY.test(source.line(line - 1)) ? parse(source.line(line - 1)) : undefined;
    for (const directive of [own, above]) if (directive) ignores.push({ line, ...directive });
  }
  return ignores;
}

function parse(text: string): Omit<InlineIgnore, 'line'> | undefined {
  const match = DIRECTIVE.exec(text);
  if (!match) return undefined;
  const rules = match[1] === undefined ? 'all' : match[1].split(',').map((r) => r.trim()).filter(Boolean);
  return { rules: rules === 'all' || rules.length > 0 ? rules : 'all', reason: (match[2] ?? '').trim() };
}

export function inlineIgnoreCovers(ignore: InlineIgnore, ruleId: string): boolean {
  return ignore.rules === 'all' || ignore.rules.includes(ruleId);
}
