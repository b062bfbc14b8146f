import type { AnalyzerOutput, FileAnalyzer, RawFinding, SourceFile } from '../../core/analyzer.js';
import { makeFinding } from '../../core/make-finding.js';
import { SourceText } from '../../core/source-text.js';
import { baseImagesOf, type ImageFacts } from '../../inventory/containers.js';
import type { DockerContext } from './docker-rule.js';
import { parseDockerfile } from './dockerfile/parse.js';
import { runScripts } from './dockerfile/shell.js';
import { dockerRules } from './rules/index.js';

export const DOCKERFILE_ANALYZER = 'dockerfile';

export const dockerfileAnalyzer: FileAnalyzer = {
  name: DOCKERFILE_ANALYZER,
  category: 'container',
  rules: dockerRules,
  required: (file) => file.kind === 'dockerfile',
  analyze: analyzeDockerfile,
};

function analyzeDockerfile(file: SourceFile): AnalyzerOutput {
  const parsed = parseDockerfile(file.text);
  const source = new SourceText(file.text);
  const images = baseImagesOf(file.text, file.path);
  const scripts = runScripts(parsed);
  const findings: RawFinding[] = [];
  for (const rule of dockerRules) {
    const ctx: DockerContext = {
      file: parsed,
      scripts,
      images,
      report(text, start, end, options) {
        const from = text.position(start);
        const to = text.position(end);
        findings.push(makeFinding(rule, file.path, source, { startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column }, options));
      },
      reportInstruction(instruction, options) {
        const range = { startLine: instruction.startLine, startColumn: 1, endLine: instruction.endLine, endColumn: source.line(instruction.endLine).length + 1 };
        findings.push(makeFinding(rule, file.path, source, range, options));
      },
    };
    rule.check(ctx);
  }
  const facts: ImageFacts = { images };
  return { findings, problems: [], facts };
}
