import { type AnalyzerOutput, type FileAnalyzer, type FindingPlace, type RawFinding, type SourceFile, withoutReplaced } from '../../core/analyzer.js';
import { makeFinding } from '../../core/make-finding.js';
import { SourceText } from '../../core/source-text.js';
import type { PythonFacts } from '../python/facts.js';
import { analyzePythonSource, coveredBy } from '../python/index.js';
import { NOTEBOOK_ANALYZER } from './facts.js';
import { shellContainerStarts } from './container-starts.js';
import { NotebookModule } from './module.js';
import { NotebookShellScript } from './shell-script.js';
import type { NotebookContext } from './notebook-rule.js';
import { cellPlace, NotebookError, readNotebook, type Notebook } from './notebook.js';
import { notebookRules } from './rules/index.js';

export const notebookAnalyzer: FileAnalyzer = {
  name: NOTEBOOK_ANALYZER,
  category: 'sast',
  rules: notebookRules,
  required: (file) => file.kind === 'notebook',
  analyze: analyzeNotebook,
};

function analyzeNotebook(file: SourceFile): AnalyzerOutput {
  let notebook: Notebook;
  try {
    notebook = readNotebook(file.text);
  } catch (err) {
    if (err instanceof NotebookError) return { findings: [], problems: [err.message] };
    throw err;
  }
  const problems = [...notebook.problems];
  const findings: RawFinding[] = [];
  const covered: FindingPlace[] = [];
  // Kernels name it 'python', 'python3' or 'ipython'; a notebook that names none is taken as Python.
  const language = notebook.language ?? 'python';
  const isPython = /^i?python/.test(language);
  if (!isPython) problems.push(`the kernel language is ${language.slice(0, 40)}, so code cells were not analysed (outputs were)`);
  const module = new NotebookModule(isPython ? notebook.cells : []);
  const script = new NotebookShellScript(module.shell);
  let facts: PythonFacts | undefined;
  if (module.text !== '') {
    const python = analyzePythonSource(module.text, file.path);
    findings.push(...python.findings.map((f) => module.placeFinding(f)));
    // A proven flow into a shell escape replaces the escape's pattern finding on that line.
    covered.push(...findings.flatMap(coveredBy));
    problems.push(...python.problems.map((p) => module.placeText(p)));
    if (python.facts) facts = withShellContainers(module.placeFacts(python.facts as PythonFacts), script);
  }

  const raw = new SourceText(file.text);
  for (const rule of notebookRules) {
    const ctx: NotebookContext = {
      notebook,
      shell: module.shell,
      script,
      queries: module.queries,
      report(at, snippet, options) {
        const range = { startLine: at.line, startColumn: at.column, endLine: at.line, endColumn: at.endColumn };
        const finding = makeFinding(rule, file.path, raw, range, options);
        findings.push({ ...finding, location: { ...finding.location, snippet } });
      },
      reportInScript(offset, options) {
        const command = script.commandAt(offset);
        this.report(command.at, command.snippet, { ...options, message: `${options.message} (${cellPlace(command.cell, command.line)})` });
      },
    };
    rule.check(ctx);
  }
  return { findings: withoutReplaced(findings, covered), problems, ...(facts ? { facts } : {}) };
}

/** The facts with the containers the notebook's shell commands start added to those its Python code starts. */
function withShellContainers(facts: PythonFacts, script: NotebookShellScript): PythonFacts {
  const started = shellContainerStarts(script);
  if (!facts.lineage || started.length === 0) return facts;
  return { ...facts, lineage: { ...facts.lineage, containers: [...(facts.lineage.containers ?? []), ...started] } };
}
