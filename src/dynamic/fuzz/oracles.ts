import path from 'node:path';
import { MARKER_PREFIX } from '../payloads/index.js';
import type { SandboxRun } from '../sandbox/index.js';
import type { Mutation } from './mutations.js';
import { outputRecords } from './sample.js';

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
  /** Output records that repeat an earlier one. */
  repeats: number;
  /** Its log lines about rejected records, digits masked (see `rejectionLines`). */
  rejections: string[];
  programs: Set<string>;
  destinations: Set<string>;
  outputText: string;
}

export function baselineOf(run: SandboxRun): Baseline {
  const records = recordsOut(run);
  return {
    run,
    records: records.length,
    repeats: repeats(records),
    rejections: rejectionLines(run),
    programs: new Set(run.processesSpawned.map((p) => p.path)),
    destinations: new Set(run.networkAttempts.map(destination)),
    outputText: outputText(run),
  };
}

const destination = (a: { address: string; port: number }): string => `${a.address}:${a.port}`;
const outputText = (run: SandboxRun): string => run.output.map((f) => f.bytes.toString('utf8')).join('\n');
/** Records across the output files: a quarantine file in an output directory keeps its records counted. */
const recordsOut = (run: SandboxRun): string[] => run.output.flatMap((f) => outputRecords(f.bytes));
const repeats = (records: string[]): number => records.length - new Set(records).size;

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

/**
 * Log lines that mention rejecting records, with digits masked: a summary printed on every run
 * (`"dropped": 0`, then `"dropped": 1`) stays the same line, while each record logged with its
 * reason (`input.csv:12: rejected: …`) adds one.
 */
function rejectionLines(run: SandboxRun): string[] {
  return `${run.stdoutTail}\n${run.stderrTail}`
    .split('\n')
    .filter((line) => REJECTION_WORDS.test(line))
    .map((line) => line.trim().replace(/\d+/g, '#'));
}

/** The run logged a rejection the clean run did not: a line beyond the clean run's, counted as a multiset. */
function loggedNewRejection(run: SandboxRun, baseline: Baseline): boolean {
  const clean = new Map<string, number>();
  for (const line of baseline.rejections) clean.set(line, (clean.get(line) ?? 0) + 1);
  return rejectionLines(run).some((line) => {
    const left = clean.get(line) ?? 0;
    clean.set(line, left - 1);
    return left <= 0;
  });
}

/**
 * One value changed, so the record count should not move — except by that record itself: it may be
 * set aside (fine when the log says so), or pass a filter the clean run held it back by (one more
 * record, when the clean run held some back and nothing is repeated). Anything else is silent
 * loss or duplication.
 */
function recordCountVerdict(run: SandboxRun, baseline: Baseline, recordsIn: number): Verdict | undefined {
  const records = recordsOut(run);
  const count = records.length;
  if (count === baseline.records) return undefined;
  if (count < baseline.records && loggedNewRejection(run, baseline)) return undefined;
  const letThrough = count === baseline.records + 1 && baseline.records < recordsIn && repeats(records) <= baseline.repeats;
  if (letThrough) return undefined;
  const what = count < baseline.records ? 'lost' : 'duplicated';
  const why = what === 'lost' ? 'and no new line on stdout or stderr says a record was rejected' : 'more than the one changed record can account for';
  return { ruleId: 'dyn.rows-lost', detail: what, message: `the output held ${count} records instead of ${baseline.records} (${Math.abs(baseline.records - count)} ${what}), ${why}` };
}

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
    const rows = recordCountVerdict(run, baseline, mutation.probe.keep.length);
    if (rows) out.push(rows);
  }
  return out;
}

function mib(bytes: number): string {
  return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
}
