import type { AssessmentResult } from '../../core/assessment.js';
import { stableFingerprint } from '../../core/fingerprint.js';
import { compareFindings, type Finding } from '../../core/finding.js';
import { TOOL } from '../../core/tool-info.js';
import { shellQuote, sandboxIsolation } from '../sandbox/index.js';
import type { Pipeline } from '../pipeline.js';
import { pipelineScripts } from '../pipeline.js';
import { dynamicRules } from '../rules/index.js';
import { outputExtension, saveRepro, type Failure, type FuzzResult } from './engine.js';
import { renderProbe } from './sample.js';

const MAX_SNIPPET = 200;

function slug(text: string): string {
  return text.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80);
}

/** The pipeline's command with {input} pointing at the repro file: what a user runs to see it fail. */
export function reproCommand(pipeline: Pipeline, reproPath: string, sampleExt: string): string {
  const output = `.pipewarden/repro/out${sampleExt}`;
  return pipeline.run.replace(/\{input\}/g, shellQuote(reproPath)).replace(/\{output\}/g, shellQuote(output));
}

function findingOf(pipeline: Pipeline, failure: Failure, startedAt: string): Finding {
  const rule = dynamicRules.find((r) => r.id === failure.verdict.ruleId)!;
  const { mutation, probe, verdict } = failure;
  const field = probe.change?.field;
  const name = slug(`${verdict.ruleId}-${mutation.id}`);
  const reproPath = saveRepro(pipeline.root, name, probe);
  const command = reproCommand(pipeline, reproPath, outputExtension(probe.sample));
  const records = probe.raw ? '' : `; minimised to ${probe.keep.length} record(s)`;
  const also = failure.alsoBy.length > 0 ? ` (also tripped by ${failure.alsoBy.length} other mutation(s))` : '';
  // a binary input (an archive bomb) has no line worth quoting
  const text = probe.raw?.includes(0) ? '' : renderProbe(probe).toString('utf8');
  const lines = text.split('\n');
  const targetIndex = probe.change ? probe.keep.indexOf(probe.change.line) + (probe.sample.format === 'csv' ? 1 : probe.sample.format === 'json' ? 1 : 0) : 0;
  const line = Math.max(0, Math.min(targetIndex, lines.length - 1));
  const cwe = [...new Set(verdict.ruleId === 'dyn.payload-propagated' ? [mutation.cwe] : [...rule.cwe, mutation.cwe])];
  const scripts = pipelineScripts(pipeline);
  return {
    ruleId: rule.id,
    title: rule.title,
    message: `${verdict.message}, on ${mutation.description}${records}${also}. Reproduce: ${command}`,
    severity: rule.severity,
    confidence: rule.confidence,
    cwe,
    category: 'dynamic',
    location: {
      file: reproPath,
      startLine: line + 1,
      startColumn: 1,
      endLine: line + 1,
      endColumn: (lines[line] ?? '').length + 1,
      snippet: (lines[line] ?? '').slice(0, MAX_SNIPPET),
    },
    trace: [
      ...scripts.map((s) => ({ file: s, line: 1, label: 'pipeline code run by the fuzzer' })),
      { file: reproPath, line: line + 1, label: `minimised input (${mutation.id}) run at ${startedAt}` },
    ],
    remediation: rule.remediation,
    fingerprint: stableFingerprint(rule.id, scripts[0] ?? pipeline.run, `${verdict.detail}|${field ?? mutation.family}`),
  };
}

/** Notices for what this run could not confine or observe, so weak isolation is never silent. */
export function isolationNotices(): string[] {
  const isolation = sandboxIsolation();
  const notices: string[] = [];
  if (!isolation.network) notices.push('network not isolated: this kernel does not allow a new network namespace, so network attempts were not blocked');
  if (!isolation.filesystem) notices.push('filesystem not isolated: writes outside the sandbox are detected afterwards, not prevented');
  if (isolation.tracing !== 'strace') notices.push('strace not found: processes are sampled from /proc (short-lived ones can be missed) and network attempts are not observed');
  if (isolation.processLimit === 'poll') notices.push('no pids cgroup available as root: the process limit is enforced by polling');
  return notices;
}

/** Saves every failure's repro and turns the campaign into an AssessmentResult for the renderers. */
export function fuzzAssessment(pipeline: Pipeline, result: FuzzResult, startedAt: string): AssessmentResult {
  const findings = result.failures.map((f) => findingOf(pipeline, f, startedAt)).sort(compareFindings);
  return {
    tool: TOOL,
    root: pipeline.root,
    startedAt,
    findings,
    suppressed: [],
    errors: [],
    skipped: [],
    notices: [
      ...isolationNotices(),
      `fuzz: ${result.execs} executions (${result.planned} mutations planned) in ${(result.durationMs / 1000).toFixed(1)} s, hang limit ${result.hangLimitMs} ms, ${result.regexAttacks} ReDoS attack string(s) from static analysis`,
    ],
    stats: { filesSeen: 0, filesAnalyzed: 0, filesFromCache: 0, linesAnalyzed: 0, filesByKind: {}, durationMs: result.durationMs },
    rules: dynamicRules,
    failOn: 'info',
  };
}
