import type { AnalyzerOutput, FileAnalyzer, RawFinding, SourceFile } from '../../../core/analyzer.js';
import { makeFinding, type Range } from '../../../core/make-finding.js';
import { once } from '../../../core/once.js';
import { SourceText } from '../../../core/source-text.js';
import type { ContainerImage, ImageFacts } from '../../../inventory/containers.js';
import { containerImage } from '../../../inventory/deployed-images.js';
import { commandsOf } from '../../container/dockerfile/shell.js';
import { runShellRules } from '../../shell-script/index.js';
import { LineIndex } from '../../sql/lines.js';
import { isJenkinsfile, type Jenkinsfile, readJenkinsfile } from './jenkinsfile.js';
import { agentHostAccess, jenkinsAgentHostAccess } from './rules/agent-host-access.js';
import { jenkinsInterpolatedSecret } from './rules/interpolated-secret.js';
import { jenkinsParamInjection } from './rules/param-injection.js';

const interpolationRules = [jenkinsInterpolatedSecret, jenkinsParamInjection];
export const jenkinsRules = [...interpolationRules, jenkinsAgentHostAccess];

/**
 * Jenkinsfiles (declarative and scripted): each `sh` step's script gets the shell-script rules, the
 * parts Groovy interpolates into it the Jenkins rules, docker agents' `docker run` options the
 * host-access rule, and the images agents and `docker.image()` run go to the inventory and the
 * image checks.
 */
export const jenkinsAnalyzer: FileAnalyzer = {
  name: 'jenkins',
  category: 'iac',
  rules: jenkinsRules,
  required: (file) => isJenkinsfile(file.path),
  analyze: analyzeJenkinsfile,
};

function analyzeJenkinsfile(file: SourceFile): AnalyzerOutput {
  const pipeline = readJenkinsfile(file.text);
  const source = new SourceText(file.text);
  const lines = new LineIndex(file.text);
  const range = (start: number, end: number): Range => {
    const from = lines.position(start);
    const to = lines.position(end);
    return { startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column };
  };
  const findings: RawFinding[] = [];
  for (const step of pipeline.steps) {
    const { body, bodyStart } = step.script;
    runShellRules(body, commandsOf(body), (rule, start, end, options) => findings.push(makeFinding(rule, file.path, source, range(bodyStart + start, bodyStart + end), options)));
    for (const rule of interpolationRules) {
      // A value pasted several times into one script is one finding, at its first place.
      for (const { interpolation, message } of once(rule.check(pipeline, step), (f) => [f.message])) findings.push(makeFinding(rule, file.path, source, range(interpolation.start, interpolation.end), { message }));
    }
  }
  for (const { start, end, message, options } of agentHostAccess(pipeline)) findings.push(makeFinding(jenkinsAgentHostAccess, file.path, source, range(start, end), { ...options, message }));
  const facts: ImageFacts = { images: jenkinsfileImages(pipeline, lines, file.path) };
  return { findings, problems: [], facts };
}

/** The images a Jenkinsfile's agents and `docker.image()` calls run; a Groovy interpolation in a name stays unresolved. */
export function jenkinsfileImages(pipeline: Jenkinsfile, lines: LineIndex, file: string): ContainerImage[] {
  return pipeline.images.map((image) => {
    const unresolved = [...image.name.matchAll(/\$\{([^}]*)\}|\$([A-Za-z_][\w.]*)/g)].map((m) => (m[1] ?? m[2]!).trim());
    return containerImage(image.name, file, lines.position(image.at).line, image.how, unresolved);
  });
}
