import type { AnalyzerOutput, FileAnalyzer, RawFinding, ReportOptions, SourceFile } from '../../core/analyzer.js';
import { makeFinding } from '../../core/make-finding.js';
import { SourceText } from '../../core/source-text.js';
import { commandsOf, type Command } from '../container/dockerfile/shell.js';
import { LineIndex } from '../sql/lines.js';
import { shellRules } from './rules/index.js';
import type { ShellRule } from './shell-rule.js';
import type { ImageFacts } from '../../inventory/containers.js';
import { shellImages } from '../../inventory/deployed-images.js';

/** Shell scripts: entrypoints, bootstrap and job scripts, split into commands as the Dockerfile analyzer splits RUN scripts. Its facts are the images the scripts `docker run`. */
export const shellScriptAnalyzer: FileAnalyzer = {
  name: 'shell',
  category: 'sast',
  rules: shellRules,
  required: (file) => file.kind === 'shell',
  analyze: analyzeShellScript,
};

function analyzeShellScript(file: SourceFile): AnalyzerOutput {
  const source = new SourceText(file.text);
  const lines = new LineIndex(file.text);
  const commands = commandsOf(file.text);
  const findings: RawFinding[] = [];
  runShellRules(file.text, commands, (rule, start, end, options) => {
    const from = lines.position(start);
    const to = lines.position(end);
    findings.push(makeFinding(rule, file.path, source, { startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column }, options));
  });
  const facts: ImageFacts = { images: shellImages(file.text, commands, file.path) };
  return { findings, problems: [], facts };
}

/**
 * Runs every shell rule over one script — a file, or a CI step's script inside a workflow — and
 * hands each finding to `report` with the offsets it covers in `script`.
 */
export function runShellRules(script: string, commands: readonly Command[], report: (rule: ShellRule, start: number, end: number, options: ReportOptions & { message: string }) => void): void {
  for (const rule of shellRules) rule.check({ text: script, commands, report: (start, end, options) => report(rule, start, end, options) });
}
