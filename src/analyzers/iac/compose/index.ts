import type { AnalyzerOutput, FileAnalyzer, RawFinding, SourceFile } from '../../../core/analyzer.js';
import { makeFinding } from '../../../core/make-finding.js';
import { SourceText } from '../../../core/source-text.js';
import type { ComposeContext } from './compose-rule.js';
import { isComposeFile, parseCompose } from './parse.js';
import { composeRules } from './rules/index.js';
import type { ImageFacts } from '../../../inventory/containers.js';
import { composeImages } from '../../../inventory/deployed-images.js';

/** Docker Compose files: what each service is allowed to do on the host that runs it. Its facts are the images the services run. */
export const composeAnalyzer: FileAnalyzer = {
  name: 'compose',
  category: 'iac',
  rules: composeRules,
  required: (file) => file.kind === 'config' && isComposeFile(file.path),
  analyze: analyzeCompose,
};

function analyzeCompose(file: SourceFile): AnalyzerOutput {
  const parsed = parseCompose(file.text);
  const source = new SourceText(file.text);
  const findings: RawFinding[] = [];
  for (const rule of composeRules) {
    const ctx: ComposeContext = {
      services: parsed.services,
      report(service, path, options) {
        findings.push(makeFinding(rule, file.path, source, parsed.locate([...service.path, ...path]), options));
      },
    };
    rule.check(ctx);
  }
  const facts: ImageFacts = { images: composeImages(parsed, file.path) };
  return { findings, problems: parsed.problems, facts };
}
