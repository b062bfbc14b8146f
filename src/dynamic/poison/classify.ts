import path from 'node:path';
import type { SandboxRun } from '../sandbox/index.js';
import type { PoisonedRecord } from './inject.js';
import type { PipelineOutput } from './output.js';
import { cellText, type Row } from './table/dataset.js';
import { normalise, rowHash, sameValue, type Baseline } from './track.js';

/**
 * What became of one poisoned record. `dropped` is a loss nobody explained: the poison stayed out,
 * but no log line or quarantine file says why, so it is a rejection without an audit trail.
 */
export const OUTCOMES = ['rejected', 'neutralised', 'dropped', 'propagated', 'crashed'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export interface Verdict {
  outcome: Outcome;
  /** The evidence: the log line, the output value, the failure. */
  detail: string;
}

/** Why a run failed as a whole, or undefined when it exited cleanly and wrote its output. */
export function runFailure(run: SandboxRun): string | undefined {
  if (run.timedOut) return `timed out after ${(run.wallMs / 1000).toFixed(1)} s`;
  if (run.memoryExceeded) return 'went over the memory limit';
  if (run.signal) return `killed by ${run.signal}`;
  if (run.exitCode !== 0) return `exit ${run.exitCode}${exceptionOf(run.stderrTail) ? `: ${exceptionOf(run.stderrTail)}` : ''}`;
  if (run.output.length === 0) return 'exited 0 without writing its output';
  return undefined;
}

/** The exception a Python or Node traceback ends with ("ValueError", "TypeError"). */
export function exceptionOf(stderr: string): string | undefined {
  const lines = stderr.trimEnd().split('\n').reverse();
  for (const line of lines) {
    const m = /^\s*(?:Uncaught\s+)?([A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt))\b/.exec(line);
    if (m) return m[1]!.split('.').pop();
  }
  return undefined;
}

/** Log and quarantine text of one run, minus every line the clean run printed too. */
export interface Evidence {
  lines: string[];
}

export function collectEvidence(run: SandboxRun, output: PipelineOutput, clean: Set<string>): Evidence {
  return { lines: [...logLines(run, output)].filter((l) => l.trim() !== '' && !clean.has(l)) };
}

/**
 * The lines a run logged or quarantined. Each run has its own temporary directory, so its path
 * is written as {workdir}: "…/input/x.csv:12: dropped" then reads the same in every run.
 */
export function logLines(run: SandboxRun, output: PipelineOutput): Set<string> {
  const workdir = path.dirname(run.outputPath);
  return new Set([run.stderrTail, run.stdoutTail, output.quarantine].flatMap((t) => t.split(workdir).join('{workdir}').split(/\r?\n/)));
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A term not glued to a longer word: ORD-1042 is not in ORD-10421, 11000 not in 110000. */
function wholeTerm(term: string): RegExp {
  const before = /^[\w-]/.test(term) ? '(?<![\\w-])' : '';
  const after = /[\w-]$/.test(term) ? '(?![\\w-])' : '';
  return new RegExp(`${before}${escape(term)}${after}`);
}

/** Whether a log line speaks of the record: it names its id, one of its distinctive values, or its line. */
export function mentionsOf(record: PoisonedRecord): (line: string) => boolean {
  const terms = [...(record.id ? [record.id] : []), ...record.evidence.filter((e) => e.trim().length >= 2)].map(wholeTerm);
  const rowNumber = record.index + 1;
  return (line) => {
    if (terms.some((t) => t.test(line))) return true;
    // "line 12", "row 12", "record #12", or file:12: as compilers print it (a clock's 08:14 is not a line).
    const refs = [...line.matchAll(/(?:\b(?:line|row|record)\s*#?\s*|(?<=[^\d\s:]):)(\d+)\b/gi)].map((m) => Number(m[1]));
    return refs.some((n) => (n >= record.firstLine && n <= record.lastLine) || n === rowNumber);
  };
}

/**
 * Where the poisoned records landed in the output: by id when the sample has one, by position
 * when the pipeline keeps every row in order, else by content (rows absent from the clean output).
 */
export function locateRecords(records: PoisonedRecord[], inputRows: number, output: PipelineOutput, baseline: Baseline): Map<PoisonedRecord, Row | 'extra-copy' | undefined> {
  const located = new Map<PoisonedRecord, Row | 'extra-copy' | undefined>();
  const idColumn = baseline.outputIdColumn;
  if (idColumn) {
    const now = rowsById(output.rows, idColumn);
    const before = rowsById(baseline.cleanOutput.rows, idColumn);
    for (const record of records) {
      const id = normalise(record.id);
      if (record.sameIdCopy) located.set(record, (now.get(id)?.length ?? 0) > (before.get(id)?.length ?? 0) ? 'extra-copy' : undefined);
      else located.set(record, now.get(id)?.[0]);
    }
    return located;
  }
  if (baseline.positional && output.rows.length === inputRows) {
    for (const record of records) located.set(record, output.rows[record.index]);
    return located;
  }
  const clean = new Map<string, number>();
  for (const row of baseline.cleanOutput.rows) clean.set(rowHash(row), (clean.get(rowHash(row)) ?? 0) + 1);
  const fresh = output.rows.filter((row) => {
    const h = rowHash(row);
    const left = clean.get(h) ?? 0;
    if (left > 0) clean.set(h, left - 1);
    return left === 0;
  });
  // Copies add rows equal to clean ones: count them by how much the output grew.
  let extra = output.rows.length - baseline.cleanOutput.rows.length - fresh.length;
  const unclaimed = [...fresh];
  for (const record of records) {
    if (record.marker.kind === 'copy') {
      located.set(record, extra-- > 0 ? 'extra-copy' : undefined);
      continue;
    }
    const at = unclaimed.findIndex((row) => carries(row, record, baseline));
    located.set(record, at >= 0 ? unclaimed.splice(at, 1)[0] : undefined);
  }
  // Changed rows that carry no marker are the records the pipeline rewrote.
  for (const record of records) if (!located.get(record) && record.marker.kind !== 'copy' && unclaimed.length > 0) located.set(record, unclaimed.shift());
  return located;
}

function rowsById(rows: Row[], idColumn: string): Map<string, Row[]> {
  const byId = new Map<string, Row[]>();
  for (const row of rows) {
    const id = normalise(row[idColumn]);
    const list = byId.get(id);
    if (list) list.push(row);
    else byId.set(id, [row]);
  }
  return byId;
}

/** Whether an output row still carries the record's poison as it was injected. */
export function carries(row: Row, record: PoisonedRecord, baseline: Baseline): boolean {
  const marker = record.marker;
  if (marker.kind === 'copy') return true;
  if (marker.kind === 'payload') return Object.values(row).some((cell) => marker.payload.propagated!.test(cellText(cell)));
  const column = baseline.columnMap.get(marker.column);
  if (!column) return false;
  const cell = row[column];
  const made = baseline.valueMap.get(marker.column)?.get(normalise(marker.value));
  return sameValue(cell, marker.value) || (made !== undefined && made === normalise(cell)) || (marker.token !== undefined && normalise(cell).includes(marker.token.toLowerCase()));
}

/** The verdict for one record of a run that completed. */
export function judge(record: PoisonedRecord, found: Row | 'extra-copy' | undefined, evidence: Evidence, baseline: Baseline): Verdict {
  if (found === 'extra-copy') return { outcome: 'propagated', detail: `an extra copy of ${record.id ?? `record ${record.index + 1}`} reached the output` };
  if (found) {
    if (carries(found, record, baseline)) return { outcome: 'propagated', detail: `reached the output as ${shown(outputValue(found, record, baseline))}` };
    return { outcome: 'neutralised', detail: `reached the output as ${shown(outputValue(found, record, baseline))}` };
  }
  const line = evidence.lines.find(mentionsOf(record));
  if (line) return { outcome: 'rejected', detail: line.trim().slice(0, 160) };
  return { outcome: 'dropped', detail: 'missing from the output, and no log line or quarantine file mentions it' };
}

function outputValue(row: Row, record: PoisonedRecord, baseline: Baseline): unknown {
  const column = record.column ? baseline.columnMap.get(record.column) : undefined;
  if (record.marker.kind === 'payload') {
    const marker = record.marker;
    return Object.values(row).find((cell) => marker.payload.propagated!.test(cellText(cell))) ?? (column ? row[column] : undefined);
  }
  return column ? row[column] : 'a record';
}

function shown(value: unknown): string {
  const text = cellText(value);
  return text === '' ? 'an empty value' : JSON.stringify(text.length > 60 ? `${text.slice(0, 57)}...` : text);
}
