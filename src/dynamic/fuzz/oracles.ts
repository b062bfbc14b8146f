import path from 'node:path';
import { MARKER_PREFIX } from '../payloads/index.js';
import type { SandboxRun } from '../sandbox/index.js';
import type { Mutation } from './mutations.js';
import { countRecords } from './sample.js';

export type OracleId = 'dyn.crash' | 'dyn.hang' | 'dyn.memory-spike' | 'dyn.process-spawn' | 'dyn.network-attempt' | 'dyn.code-execution' | 'dyn.payload-propagated' | 'dyn.rows-lost';

/** An oracle that fired on one run, and what it saw. */
export interface Verdict {
  ruleId: OracleId;
  /** Distinguishes failures of one rule (exception class, program, address) for grouping. */
  detail: string;
  message: string;
}

/** What the clean run did, for comparison. */
export interface Baseline {
  run: SandboxRun;
  records: number;
  programs: Set<string>;
  destinations: Set<string>;
  outputText: string;
}

export function baselineOf(run: SandboxRun): Baseline {
  return {
    run,
    records: outputRecords(run),
    programs: new Set(run.processesSpawned.map((p) => p.path)),
    destinations: new Set(run.networkAttempts.map(destination)),
    outputText: outputText(run),
  };
}

const destination = (a: { address: string; port: number }): string => `${a.address}:${a.port}`;
const outputText = (run: SandboxRun): string => run.output.map((f) => f.bytes.toString('utf8')).join('\n');
const outputRecords = (run: SandboxRun): number => run.output.reduce((n, f) => n + countRecords(f.bytes), 0);

/** The exception class at the end of a Python or Node traceback, or '' when there is none. */
export function exceptionClass(stderr: string): string {
  const lines = stderr.trim().split('\n').reverse();
  for (const line of lines) {
    const python = /^([A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt|Warning))\b/.exec(line.trim());
    if (python) return python[1]!;
    const node = /^(?:Uncaught )?([A-Z]\w*Error)(?: \[\w+\])?:/.exec(line.trim());
    if (node) return node[1]!;
  }
  return '';
}

/** Words a pipeline uses when it rejects records on purpose (its log makes the loss visible). */
const REJECTION_WORDS = /reject|skip|drop|invalid|quarantin|discard|filter|malformed|bad (row|record|value)/i;

/** Every oracle that fires on `run`, judged against the clean run. */
export function judge(run: SandboxRun, baseline: Baseline, mutation: Mutation, memorySpikeFactor: number): Verdict[] {
  const out: Verdict[] = [];
  const clean = baseline.run;
  if (run.timedOut) out.push({ ruleId: 'dyn.hang', detail: '', message: `the run did not finish within the hang limit (clean run: ${Math.round(clean.wallMs)} ms)` });
  const spike = run.peakRssBytes > Math.max(clean.peakRssBytes * memorySpikeFactor, clean.peakRssBytes + 64 * 1024 ** 2);
  if (run.memoryExceeded || spike) {
    out.push({ ruleId: 'dyn.memory-spike', detail: '', message: `peak memory ${mib(run.peakRssBytes)}${run.memoryExceeded ? ', over the sandbox limit' : ''} (clean run: ${mib(clean.peakRssBytes)})` });
  }
  if (!run.timedOut && !run.memoryExceeded && (run.exitCode !== 0 || run.signal)) {
    const cls = exceptionClass(run.stderrTail);
    const how = run.signal ? `was killed by ${run.signal}` : `exited with status ${run.exitCode}`;
    out.push({ ruleId: 'dyn.crash', detail: cls || run.signal || `exit-${run.exitCode}`, message: `the pipeline ${how}${cls ? ` with ${cls}` : ''}` });
  }
  const programs = [...new Set(run.processesSpawned.map((p) => p.path))].filter((p) => !baseline.programs.has(p));
  if (programs.length > 0) out.push({ ruleId: 'dyn.process-spawn', detail: programs.map((p) => path.basename(p)).join(','), message: `started ${programs.join(', ')}, which the clean run never starts` });
  const destinations = [...new Set(run.networkAttempts.map(destination))].filter((d) => !baseline.destinations.has(d));
  if (destinations.length > 0) out.push({ ruleId: 'dyn.network-attempt', detail: '', message: `tried to connect to ${destinations.join(', ')}${run.networkIsolated ? ' (refused: no network in the sandbox)' : ''}` });
  const markers = run.filesCreated.filter((f) => path.basename(f).startsWith(MARKER_PREFIX));
  if (markers.length > 0) out.push({ ruleId: 'dyn.code-execution', detail: '', message: `the canary payload ran: it created ${markers.join(', ')}` });
  const text = outputText(run);
  if (mutation.propagated && run.exitCode === 0 && mutation.propagated.test(text) && !mutation.propagated.test(baseline.outputText)) {
    out.push({ ruleId: 'dyn.payload-propagated', detail: mutation.family, message: `the ${mutation.family} payload reached the output un-neutralised` });
  }
  if (mutation.keepsRecordCount && run.exitCode === 0 && !run.timedOut) {
    const records = outputRecords(run);
    const logged = REJECTION_WORDS.test(run.stdoutTail) || REJECTION_WORDS.test(run.stderrTail);
    if (records !== baseline.records && !(records < baseline.records && logged)) {
      const what = records < baseline.records ? 'lost' : 'duplicated';
      out.push({ ruleId: 'dyn.rows-lost', detail: what, message: `the output held ${records} records instead of ${baseline.records} (${Math.abs(baseline.records - records)} ${what}), with nothing logged about it` });
    }
  }
  return out;
}

function mib(bytes: number): string {
  return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
}
