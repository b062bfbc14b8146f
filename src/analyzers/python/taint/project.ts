import type { ProjectAnalyzer, ProjectContext, ProjectOutput, ReportOptions } from '../../../core/analyzer.js';
import type { Finding } from '../../../core/finding.js';
import { stableFingerprint } from '../../../core/fingerprint.js';
import { PYTHON_ANALYZER, type PythonFacts, type SinkFact } from '../facts.js';
import { coveredBy } from '../index.js';
import { flowReport, type ReportedSource, sinkLabel } from './checker.js';
import { parameterIndex, RepoFunctions, stillReaches } from './cross-module.js';
import { taintRules } from './rules/index.js';
import type { SinkFamily } from './sinks.js';

/**
 * Taint across the repository's own modules, from the per-module summaries the Python analyzer
 * records. A call in module A that hands untrusted data to `jobs.util.clean` is joined with
 * `clean`'s summary in jobs/util.py, and a parameter of `clean` that reaches a sink there
 * becomes a finding at that sink with the whole trace. A sink in A whose data comes back from
 * an imported function is decided by what that function returns: an ingestion point of its
 * module, an argument (sanitised there or not), or nothing tainted. Only summaries are read, so
 * the step costs little more than a map lookup per recorded call.
 */
export const pythonCrossModuleTaint: ProjectAnalyzer = {
  name: 'python-cross-module-taint',
  category: 'sast',
  rules: [],
  usesFactsFrom: [PYTHON_ANALYZER],
  analyze: async (ctx: ProjectContext): Promise<ProjectOutput> => {
    const findings = crossModuleFindings(ctx.facts(PYTHON_ANALYZER) as Map<string, PythonFacts>);
    // A flow proven only here still replaces the file step's pattern findings on its sink, as in one file.
    return { findings, errors: [], notices: [], supersedes: findings.flatMap(coveredBy) };
  },
};

export function crossModuleFindings(facts: Map<string, PythonFacts>): Finding[] {
  const repo = new RepoFunctions(facts);
  // Ingestion points by id, so that a flow handed to another module is described (and, from the
  // command line into a path, ranked) the way a module's own flows are.
  const sources = new Map([...facts.values()].flatMap((f) => (f.lineage?.sources ?? []).map((s): [string, ReportedSource] => [s.id, s])));
  const findings: Finding[] = [];
  // What each module reported itself is not reported again when another route reaches it.
  const seen = new Set([...facts].flatMap(([file, f]) => (f.taint?.reported ?? []).map((r) => `${r.family}:${file}:${r.line}:${r.source}`)));
  const report = (file: string, sink: SinkFact, sourceId: string, options: ReportOptions & { message: string }) => {
    const rule = taintRules.find((r) => r.family === sink.family);
    const key = `${sink.family}:${file}:${sink.line}:${sourceId}`;
    if (!rule || seen.has(key)) return;
    seen.add(key);
    findings.push({
      ruleId: rule.id,
      title: rule.title,
      severity: rule.severity,
      confidence: 'high',
      cwe: rule.cwe,
      category: 'sast',
      location: { file, startLine: sink.line, startColumn: sink.column, endLine: sink.endLine, endColumn: sink.endColumn, snippet: sink.snippet },
      remediation: rule.remediation,
      ...options,
      fingerprint: stableFingerprint(rule.id, file, `${sink.snippet.trim()}\u0000${sourceId}`),
    });
  };
  for (const [file, f] of facts) {
    for (const call of f.taint?.calls ?? []) {
      const target = repo.lookup(file, call.callee);
      if (!target) continue;
      const resolved = (call.returned ?? []).flatMap((arg) =>
        repo.resolve(file, arg.flow).flatMap((r) => {
          if (!r.source) return [];
          sources.set(r.source.id, r.source);
          return [{ ...arg, ...r, source: r.source.id }];
        }),
      );
      for (const arg of [...call.args.map((a) => ({ ...a, validated: false, stoppedFor: [] })), ...resolved]) {
        const index = parameterIndex(target.params, arg.keyword ?? arg.index, target.offset);
        for (const sink of target.sinks.filter((s) => s.param === index)) {
          const inside = repo.resolve(target.file, { param: index, steps: sink.steps, validated: arg.validated, stoppedFor: arg.stoppedFor, ...(sink.via ? { via: sink.via } : {}) });
          for (const flow of inside.filter((r) => stillReaches(r, sink.family))) {
            const trace = [
              ...arg.steps,
              { file, line: call.line, label: `passed to ${call.callee}() as ${target.params[index] ?? `argument ${index + 1}`}` },
              ...flow.steps.slice(1),
              { file: target.file, line: sink.line, label: sinkLabel(sink.api, sink.does) },
            ];
            const source = sources.get(arg.source) ?? { api: arg.source, kind: 'ingestion point', line: call.line };
            report(target.file, sink, arg.source, flowReport(sink.family as SinkFamily, sink.api, sink.does, source, trace, ` in ${file}, through ${call.callee}()`));
          }
        }
      }
    }
    for (const sink of f.taint?.deferred ?? []) {
      for (const flow of repo.resolve(file, sink.flow)) {
        const source = flow.source;
        if (!source || !stillReaches(flow, sink.family) || (sink.family === 'credential-logging' && !source.credential)) continue;
        const trace = [...flow.steps, { file, line: sink.line, label: sinkLabel(sink.api, sink.does) }];
        const sourceFile = source.id.slice(0, source.id.lastIndexOf('#L'));
        report(file, sink, source.id, flowReport(sink.family as SinkFamily, sink.api, sink.does, source, trace, sourceFile === file ? '' : ` in ${sourceFile}`));
      }
    }
  }
  return findings;
}
