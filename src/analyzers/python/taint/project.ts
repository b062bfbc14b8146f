import type { ProjectAnalyzer, ProjectContext, ProjectOutput } from '../../../core/analyzer.js';
import type { Finding } from '../../../core/finding.js';
import { stableFingerprint } from '../../../core/fingerprint.js';
import { PYTHON_ANALYZER, type PythonFacts, type TaintSummary } from '../facts.js';
import { taintRules } from './rules/index.js';

type FunctionSummary = TaintSummary['functions'][number];

/**
 * Taint across the repository's own modules, from the per-module summaries the Python analyzer
 * records: a call in module A that hands untrusted data to `jobs.util.clean` is joined with
 * `clean`'s summary in jobs/util.py, and a parameter of `clean` that reaches a sink there
 * becomes a finding at that sink with the whole trace. Only summaries are read, so the step
 * costs little more than a map lookup per recorded call.
 */
export const pythonCrossModuleTaint: ProjectAnalyzer = {
  name: 'python-cross-module-taint',
  category: 'sast',
  rules: [],
  usesFactsFrom: [PYTHON_ANALYZER],
  analyze: async (ctx: ProjectContext): Promise<ProjectOutput> => ({ findings: crossModuleFindings(ctx.facts(PYTHON_ANALYZER) as Map<string, PythonFacts>), errors: [], notices: [] }),
};

export function crossModuleFindings(facts: Map<string, PythonFacts>): Finding[] {
  const functions = new Map<string, { file: string; summary: FunctionSummary }>();
  for (const [file, f] of facts) {
    for (const summary of f.taint?.functions ?? []) {
      for (const module of moduleNames(file)) functions.set(`${module}.${summary.name}`, { file, summary });
    }
  }
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const [file, f] of facts) {
    for (const call of f.taint?.calls ?? []) {
      const target = functions.get(call.callee);
      if (!target || target.file === file) continue;
      for (const arg of call.args) {
        const index = arg.keyword !== undefined ? target.summary.params.indexOf(arg.keyword) : arg.index;
        for (const sink of target.summary.sinks.filter((s) => s.param === index)) {
          const rule = taintRules.find((r) => r.family === sink.family);
          const key = `${sink.family}:${target.file}:${sink.line}:${arg.source}`;
          if (!rule || seen.has(key)) continue;
          seen.add(key);
          const trace = [
            ...arg.steps,
            { file, line: call.line, label: `passed to ${call.callee}() as ${target.summary.params[index] ?? `argument ${index + 1}`}` },
            ...sink.steps.slice(1),
            { file: target.file, line: sink.line, label: `sink: ${sink.api}() — the value ${sink.does}` },
          ];
          findings.push({
            ruleId: rule.id,
            title: rule.title,
            message: `${sink.api}() gets data from ${arg.source} through ${call.callee}(); the value ${sink.does}`,
            severity: rule.severity,
            confidence: 'high',
            cwe: rule.cwe,
            category: 'sast',
            location: { file: target.file, startLine: sink.line, startColumn: sink.column, endLine: sink.endLine, endColumn: sink.endColumn, snippet: sink.snippet },
            trace,
            remediation: rule.remediation,
            fingerprint: stableFingerprint(rule.id, target.file, `${sink.snippet.trim()}\u0000${arg.source}`),
          });
        }
      }
    }
  }
  return findings;
}

/** Dotted module names a file may be imported as: `jobs/util.py` is `jobs.util`, and `util` from inside `jobs/`; `src/` layouts drop `src`. */
function moduleNames(file: string): string[] {
  const parts = file.replace(/\.py$/, '').replace(/\/__init__$/, '').split('/');
  return parts.map((_, i) => parts.slice(i).join('.'));
}
