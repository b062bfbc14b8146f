import fs from 'node:fs';
import path from 'node:path';
import { UsageError } from '../../core/errors.js';
import type { Severity } from '../../core/finding.js';
import type { Pipeline } from '../pipeline.js';
import { runAllSandboxed, runSandboxed, type SandboxIsolation, type SandboxRun, type SandboxSpec } from '../sandbox/index.js';
import { ATTACKS, type Attack, type AttackPlan } from './attacks/index.js';
import { collectEvidence, judge, locateRecords, logLines, OUTCOMES, runFailure, type Outcome } from './classify.js';
import { injectPoison, type PoisonedInput, type PoisonedRecord } from './inject.js';
import { DEFAULT_QUARANTINE, readPipelineOutput, type PipelineOutput } from './output.js';
import { profileSample, schemaBounds } from './profile.js';
import { resistanceScore } from './score.js';
import { cellText, isTableFile, parseDataset, serializeDataset, type Dataset } from './table/dataset.js';
import { learnBaseline, normalise, type Baseline } from './track.js';

export const DEFAULT_RATES = [0.001, 0.01, 0.1];

export interface PoisonOptions {
  pipeline: Pipeline;
  rates?: number[];
  /** Attack ids to run; all by default. */
  attacks?: string[];
  seed?: number;
  /** Output files (of a directory output) whose name matches hold set-aside records. */
  quarantine?: RegExp;
  concurrency?: number;
  /** Called as each poisoned run starts. */
  onProgress?: (started: number, total: number) => void;
}

export interface RecordResult {
  /** 1-based position among the poisoned input's records. */
  row: number;
  line: number;
  id: string | undefined;
  before: string | undefined;
  after: string | undefined;
  outcome: Outcome;
  detail: string;
}

export interface CellResult {
  rate: number;
  poisoned: number;
  inputRows: number;
  counts: Record<Outcome, number>;
  /** Why the whole run failed, when it did (then every record counts as crashed). */
  failure?: string;
  /** Clean records present in the clean output but missing after poisoning (only with ids). */
  cleanRecordsLost?: number;
  wallMs: number;
  records: RecordResult[];
}

export interface AttackResult {
  id: string;
  title: string;
  family: Attack['family'];
  severity: Severity;
  cwe: string[];
  description: string;
  column?: string;
  /** Why the attack does not apply to this sample, when it does not. */
  skipped?: string;
  cells: CellResult[];
}

export interface PoisonReport {
  root: string;
  command: string;
  sample: string;
  seed: number;
  rates: number[];
  sampleRows: number;
  tracking: Baseline['tracking'];
  idColumn?: string;
  clean: { wallMs: number; outputRows: number };
  attacks: AttackResult[];
  score: number;
  isolation: SandboxIsolation;
  startedAt: string;
  durationMs: number;
}

interface Cell {
  attack: Attack;
  plan: AttackPlan;
  rate: number;
}

/**
 * The poisoning simulation: runs the pipeline on its clean sample, then once per (attack, rate)
 * on the sample with poisoned records injected, all in the sandbox, and says for every poisoned
 * record whether it was rejected, neutralised, silently dropped, propagated or crashed the run.
 */
export async function simulatePoisoning(options: PoisonOptions): Promise<PoisonReport> {
  const started = Date.now();
  const { pipeline } = options;
  const seed = options.seed ?? 0;
  const rates = options.rates ?? DEFAULT_RATES;
  const quarantine = options.quarantine ?? DEFAULT_QUARANTINE;
  const selected = selectAttacks(options.attacks);
  const source = sampleSource(pipeline);
  const sample = source.dataset;
  const profile = profileSample(sample, pipeline.schema ? schemaBounds(readJson(pipeline.schema)) : {});
  const spec = (bytes: Buffer): SandboxSpec => ({
    command: pipeline.run,
    ...source.place(bytes),
    output: 'output',
    outputIsDir: pipeline.outputIsDir,
    cwd: pipeline.root,
    timeoutMs: pipeline.timeoutMs,
    memoryBytes: pipeline.memoryBytes,
    maxProcesses: pipeline.maxProcesses,
    seed,
  });

  const cleanRun = await runSandboxed(spec(serializeDataset(sample).bytes));
  const cleanOutput = cleanBaselineOutput(cleanRun, quarantine);
  const baseline = learnBaseline(sample, profile, cleanOutput);
  if (baseline.bases.length === 0) throw new UsageError('no record of the clean sample reaches the clean output, so there is nothing to compare poisoned records with');
  const cleanLog = logLines(cleanRun, cleanOutput);

  const ctx = { sample, profile, baseline };
  const plans = selected.map((attack) => ({ attack, plan: attack.plan(ctx) }));
  const cells: Cell[] = plans.flatMap(({ attack, plan }) => (typeof plan === 'string' ? [] : rates.map((rate) => ({ attack, plan, rate }))));
  // Inputs are built as their run starts (the runner asks for each spec then), so only the
  // records to follow, not every poisoned file, stay in memory.
  const poisoned: Array<Pick<PoisonedInput, 'rows' | 'records'>> = [];
  const runs = await runAllSandboxed(
    cells,
    (cell, i) => {
      options.onProgress?.(i + 1, cells.length);
      const input = injectPoison(sample, profile, baseline, cell.plan, { seed, attack: cell.attack.id, rate: cell.rate });
      poisoned[i] = { rows: input.rows, records: input.records };
      return spec(input.bytes);
    },
    options.concurrency,
  );
  const results = cells.map((cell, i) => judgeCell(cell.rate, poisoned[i]!, runs[i]!, baseline, cleanLog, quarantine, sample, profile.idColumn));

  const attacks: AttackResult[] = plans.map(({ attack, plan }) => ({
    id: attack.id,
    title: attack.title,
    family: attack.family,
    severity: attack.severity,
    cwe: attack.cwe,
    description: attack.description,
    ...(typeof plan === 'string' ? { skipped: plan } : plan.column ? { column: plan.column } : {}),
    cells: results.filter((_, i) => cells[i]!.attack === attack),
  }));
  return {
    root: pipeline.root,
    command: pipeline.run,
    sample: path.relative(pipeline.root, source.file) || source.file,
    seed,
    rates,
    sampleRows: sample.rows.length,
    tracking: baseline.tracking,
    ...(profile.idColumn ? { idColumn: profile.idColumn } : {}),
    clean: { wallMs: cleanRun.wallMs, outputRows: cleanOutput.rows.length },
    attacks,
    score: resistanceScore(results.map((r) => r.counts)),
    isolation: cleanRun.isolation,
    startedAt: new Date(started).toISOString(),
    durationMs: Date.now() - started,
  };
}

interface SampleSource {
  /** The data file poisoned: the sample, or the first tabular file of a sample directory. */
  file: string;
  dataset: Dataset;
  /** Where a run finds its input: the data file, or a copy of the directory with the data file replaced. */
  place(bytes: Buffer): Pick<SandboxSpec, 'files' | 'input'>;
}

function sampleSource(pipeline: Pipeline): SampleSource {
  if (pipeline.format === 'dir') {
    const name = fs.readdirSync(pipeline.sample).sort().find((n) => isTableFile(n) && fs.statSync(path.join(pipeline.sample, n)).isFile());
    if (!name) throw new UsageError(`the sample directory ${pipeline.sample} holds no CSV, JSON Lines or JSON file to poison`);
    const file = path.join(pipeline.sample, name);
    return {
      file,
      dataset: readDataset(file),
      place: (bytes) => ({ files: [{ path: 'input', source: pipeline.sample }, { path: `input/${name}`, content: bytes }], input: 'input' }),
    };
  }
  if (!['csv', 'jsonl', 'json'].includes(pipeline.format)) {
    throw new UsageError(`poisoning needs a tabular sample (CSV, JSON Lines, a JSON array, or a directory holding one); ${path.basename(pipeline.sample)} is ${pipeline.format}`);
  }
  const input = `input/${path.basename(pipeline.sample)}`;
  return { file: pipeline.sample, dataset: readDataset(pipeline.sample), place: (bytes) => ({ files: [{ path: input, content: bytes }], input }) };
}

function readDataset(file: string): Dataset {
  const dataset = parseDataset(file, fs.readFileSync(file, 'utf8'));
  if (dataset.rows.length === 0) throw new UsageError(`the sample ${file} has no records`);
  return dataset;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UsageError(`schema ${file}: ${(err as Error).message}`);
  }
}

function selectAttacks(ids: string[] | undefined): Attack[] {
  if (!ids) return ATTACKS;
  const unknown = ids.filter((id) => !ATTACKS.some((a) => a.id === id));
  if (unknown.length > 0) throw new UsageError(`unknown attack "${unknown[0]}" (choose from ${ATTACKS.map((a) => a.id).join(', ')})`);
  return ATTACKS.filter((a) => ids.includes(a.id));
}

function cleanBaselineOutput(run: SandboxRun, quarantine: RegExp): PipelineOutput {
  const failure = runFailure(run);
  const tail = run.stderrTail.trim().split('\n').slice(-3).join(' | ');
  if (failure) throw new UsageError(`the pipeline fails on its clean sample (${failure})${tail ? `: ${tail}` : ''}; poisoning needs a clean run to compare with`);
  try {
    return readPipelineOutput(run.output, quarantine);
  } catch (err) {
    throw new UsageError(`the pipeline's output on the clean sample is not CSV, JSON Lines or JSON: ${(err as Error).message}`);
  }
}

function judgeCell(
  rate: number,
  input: Pick<PoisonedInput, 'rows' | 'records'>,
  run: SandboxRun,
  baseline: Baseline,
  cleanLog: Set<string>,
  quarantine: RegExp,
  sample: Dataset,
  idColumn: string | undefined,
): CellResult {
  const counts = Object.fromEntries(OUTCOMES.map((o) => [o, 0])) as Record<Outcome, number>;
  let failure = runFailure(run);
  let output: PipelineOutput | undefined;
  if (!failure) {
    try {
      output = readPipelineOutput(run.output, quarantine);
    } catch (err) {
      failure = `wrote an unreadable output (${(err as Error).message})`;
    }
  }
  const located = output ? locateRecords(input.records, input.rows, output, baseline) : undefined;
  const evidence = output ? collectEvidence(run, output, cleanLog) : undefined;
  const records = input.records.map((record): RecordResult => {
    const verdict = failure || !output ? { outcome: 'crashed' as const, detail: failure ?? 'no output' } : judge(record, located!.get(record), evidence!, baseline);
    counts[verdict.outcome]++;
    return {
      row: record.index + 1,
      line: record.firstLine,
      id: record.id,
      before: record.column ? cellText(record.before) : undefined,
      after: record.column ? cellText(record.after) : undefined,
      ...verdict,
    };
  });
  return {
    rate,
    poisoned: input.records.length,
    inputRows: input.rows,
    counts,
    ...(failure ? { failure } : {}),
    ...(output && idColumn && baseline.outputIdColumn ? { cleanRecordsLost: cleanLost(output, baseline, sample, idColumn, input.records) } : {}),
    wallMs: run.wallMs,
    records,
  };
}

function cleanLost(output: PipelineOutput, baseline: Baseline, sample: Dataset, idColumn: string, records: PoisonedRecord[]): number {
  const present = new Set(output.rows.map((r) => normalise(r[baseline.outputIdColumn!])));
  const poisoned = new Set(records.filter((r) => r.marker.kind !== 'copy').map((r) => r.baseIndex));
  return [...baseline.reached.keys()].filter((i) => !poisoned.has(i) && !present.has(normalise(sample.rows[i]![idColumn]))).length;
}
