import type { AnalyzerOutput, FileAnalyzer, RawFinding, SourceFile } from '../../core/analyzer.js';
import { makeFinding } from '../../core/make-finding.js';
import { SourceText } from '../../core/source-text.js';
import { commandsOf } from '../container/dockerfile/shell.js';
import { LineIndex } from '../sql/lines.js';
import { shellRules } from './rules/index.js';
import type { ShellContext } from './shell-rule.js';
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
  for (const rule of shellRules) {
    const ctx: ShellContext = {
      text: file.text,
      commands,
      report(start, end, options) {
        const from = lines.position(start);
        const to = lines.position(end);
        findings.push(makeFinding(rule, file.path, source, { startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column }, options));
      },
    };
    rule.check(ctx);
  }
  const facts: ImageFacts = { images: shellImages(file.text, commands, file.path) };
  return { findings, problems: [], facts };
}
