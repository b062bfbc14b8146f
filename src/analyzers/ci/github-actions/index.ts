import type { AnalyzerOutput, FileAnalyzer, RawFinding, SourceFile } from '../../../core/analyzer.js';
import { makeFinding } from '../../../core/make-finding.js';
import { SourceText } from '../../../core/source-text.js';
import type { GhaContext } from './gha-rule.js';
import { ghaRules } from './rules/index.js';
import { isWorkflowFile, parseWorkflow, runsShell } from './workflow.js';
import { isCiFile, jobDownloadFindings, scriptFindings, scriptPiece, variableFindings, type ScriptPiece } from '../script-findings.js';
import type { ImageFacts } from '../../../inventory/containers.js';
import { workflowImages } from '../../../inventory/deployed-images.js';

/**
 * GitHub Actions workflows: what outsiders can make a pipeline repository's CI run, and with which
 * privileges; `run:` scripts also get the shell-script rules. Its facts are the images the jobs run.
 */
export const githubActionsAnalyzer: FileAnalyzer = {
  name: 'github-actions',
  category: 'iac',
  rules: ghaRules,
  required: (file) => isCiFile(file, isWorkflowFile),
  analyze: analyzeWorkflow,
};

function analyzeWorkflow(file: SourceFile): AnalyzerOutput {
  const parsed = parseWorkflow(file.text);
  const findings: RawFinding[] = [];
  const { workflow, yaml } = parsed;
  if (workflow) {
    const source = new SourceText(file.text);
    for (const rule of ghaRules) {
      const ctx: GhaContext = {
        workflow,
        report: (path, options) => findings.push(makeFinding(rule, file.path, source, yaml.locate(path), options)),
        reportText: (path, needle, options) => findings.push(makeFinding(rule, file.path, source, yaml.locateText(path, needle), options)),
      };
      rule.check(ctx);
    }
    findings.push(...variableFindings(workflow.data['env'], ['env'], yaml, file.path, source));
    for (const job of workflow.jobs) {
      findings.push(...variableFindings(job.data['env'], [...job.path, 'env'], yaml, file.path, source));
      const steps: ScriptPiece[] = [];
      for (const step of job.steps) {
        findings.push(...variableFindings(step.data['env'], [...step.path, 'env'], yaml, file.path, source));
        const run = step.data['run'];
        if (typeof run !== 'string' || !runsShell(workflow, job, step)) continue;
        const piece = scriptPiece(run, [...step.path, 'run']);
        findings.push(...scriptFindings(piece, yaml, file.path, source));
        steps.push(piece);
      }
      findings.push(...jobDownloadFindings(steps.map((step) => [step]), yaml, file.path, source));
    }
  }
  const facts: ImageFacts = { images: workflowImages(parsed, file.path) };
  return { findings, problems: parsed.problems, facts };
}
