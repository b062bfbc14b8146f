import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { inPool } from '../sandbox/pool.js';
import { runSandboxed, type SandboxFile, type SandboxRun, type SandboxSpec } from '../sandbox/index.js';
import type { Pipeline } from '../pipeline.js';
import { ddmin } from './ddmin.js';
import { generateMutations, type Mutation, type MutationFamily, type RegexAttack } from './mutations.js';
import { baselineOf, judge, type Verdict } from './oracles.js';
import { loadSample, renderProbe, type Probe, type Sample } from './sample.js';
import { loadRecordSchema, schemaViolations } from './schema.js';
import { staticHints } from './static-hints.js';

export interface FuzzOptions {
  seed: number;
  maxExecs: number;
  /** Wall-time budget for the campaign, ms (minimisation included). */
  timeMs: number;
  concurrency?: number;
  families?: MutationFamily[];
  /** Attack strings for vulnerable regexes found elsewhere (an earlier assessment), besides the pipeline's own. */
  regexAttacks?: RegexAttack[];
  /** Tests each failure's minimisation may spend. */
  minimiseBudget?: number;
  onProgress?: (progress: FuzzProgress) => void;
}

export interface FuzzProgress {
  execs: number;
  planned: number;
  failures: number;
  elapsedMs: number;
}

/** One distinct failure: an oracle that fired, minimised, with the input that reproduces it. */
export interface Failure {
  verdict: Verdict;
  mutation: Mutation;
  /** The minimised input. */
  probe: Probe;
  run: SandboxRun;
  /** Other mutations that tripped the same oracle the same way. */
  alsoBy: string[];
}

export interface FuzzResult {
  baseline: SandboxRun;
  failures: Failure[];
  execs: number;
  planned: number;
  durationMs: number;
  hangLimitMs: number;
  regexAttacks: number;
}

export class CleanRunFailed extends Error {
  override name = 'CleanRunFailed';
}

const MEMORY_SPIKE_FACTOR = 4;
const MAX_VALUE_TO_SHRINK = 4096;
const DEFAULT_MINIMISE_BUDGET = 16;
/** A hang costs the whole hang limit per test: minimise it with few. */
const HANG_MINIMISE_BUDGET = 3;

/** Runs the pipeline on one probe in the sandbox. */
export function runProbe(pipeline: Pipeline, probe: Probe, timeoutMs: number, seed: number): Promise<SandboxRun> {
  return runSandboxed(probeSpec(pipeline, probe, timeoutMs, seed));
}

export function probeSpec(pipeline: Pipeline, probe: Probe, timeoutMs: number, seed: number): SandboxSpec {
  const { sample } = probe;
  const bytes = renderProbe(probe);
  const files: SandboxFile[] = sample.dir ? [{ path: 'input', source: sample.dir }] : [];
  // a directory without a data file the fuzzer understands is passed on as it is
  if (sample.fileName) files.push({ path: `input/${sample.fileName}`, content: bytes });
  return {
    command: pipeline.run,
    cwd: pipeline.root,
    files,
    input: sample.dir ? 'input' : `input/${sample.fileName}`,
    output: pipeline.outputIsDir ? 'output' : `output/result${outputExtension(sample)}`,
    outputIsDir: pipeline.outputIsDir,
    timeoutMs,
    memoryBytes: pipeline.memoryBytes,
    maxProcesses: pipeline.maxProcesses,
    seed,
  };
}

export function outputExtension(sample: Sample): string {
  return sample.format === 'csv' ? '.csv' : sample.format === 'jsonl' ? '.jsonl' : '.json';
}

const groupKey = (mutation: Mutation, verdict: Verdict): string => {
  const field = mutation.probe.change?.field ?? '';
  return `${verdict.ruleId}|${verdict.detail}|${field}`;
};

/**
 * A fuzzing campaign: a clean run, then every mutation (in seeded order, in parallel over the
 * cores, within the budgets), the oracles judging each run, and each distinct failure minimised.
 */
export async function fuzzPipeline(pipeline: Pipeline, options: FuzzOptions): Promise<FuzzResult> {
  const started = Date.now();
  const sample = loadSample(pipeline.sample, pipeline.format);
  const hints = staticHints(pipeline);
  const clean: Probe = { sample, keep: sample.lines.map((_, i) => i) };
  const baselineRun = await runProbe(pipeline, clean, pipeline.timeoutMs, options.seed);
  if (baselineRun.exitCode !== 0 || baselineRun.timedOut) {
    throw new CleanRunFailed(`the pipeline fails on its own clean sample (${baselineRun.timedOut ? 'timed out' : `exit ${baselineRun.exitCode ?? baselineRun.signal}`}): ${baselineRun.stderrTail.trim().split('\n').slice(-3).join(' | ')}`);
  }
  const baseline = baselineOf(baselineRun);
  const hangLimitMs = Math.round(Math.min(pipeline.timeoutMs, Math.max(2000, baselineRun.wallMs * 10)));
  const mutations = (
    await generateMutations(sample, {
      seed: options.seed,
      redos: [...hints.redos, ...(options.regexAttacks ?? [])],
      schema: pipeline.schema ? schemaViolations(loadRecordSchema(pipeline.schema)) : [],
      loadsPickles: pipeline.format === 'pickle' || (hints.codeLoadsPickles && (sample.pickles?.length ?? 0) > 0),
      readsArchives: hints.codeReadsArchives,
      memoryBytes: pipeline.memoryBytes,
      ...(options.families ? { families: options.families } : {}),
    })
  ).slice(0, options.maxExecs);
  const deadline = started + options.timeMs;
  const verdicts: Array<{ mutation: Mutation; run: SandboxRun; verdicts: Verdict[] } | undefined> = new Array(mutations.length);
  let execs = 0;
  let failures = 0;
  const seenGroups = new Set<string>();
  const report = (): void => options.onProgress?.({ execs, planned: mutations.length, failures, elapsedMs: Date.now() - started });
  const concurrency = Math.max(1, options.concurrency ?? os.availableParallelism());
  await inPool(
    mutations.map((mutation, index) => ({ mutation, index })),
    async ({ mutation, index }) => {
      if (Date.now() >= deadline) return;
      const run = await runProbe(pipeline, mutation.probe, hangLimitMs, options.seed);
      const found = judge(run, baseline, mutation, MEMORY_SPIKE_FACTOR);
      verdicts[index] = { mutation, run, verdicts: found };
      execs++;
      for (const v of found) {
        const key = groupKey(mutation, v);
        if (!seenGroups.has(key)) failures++;
        seenGroups.add(key);
      }
      report();
    },
    concurrency,
  );

  // group in mutation order, so the representative of each failure does not depend on timing
  const groups = new Map<string, { verdict: Verdict; mutation: Mutation; run: SandboxRun; alsoBy: string[] }>();
  for (const entry of verdicts) {
    if (!entry) continue;
    for (const verdict of entry.verdicts) {
      const key = groupKey(entry.mutation, verdict);
      const group = groups.get(key);
      if (group) group.alsoBy.push(entry.mutation.id);
      else groups.set(key, { verdict, mutation: entry.mutation, run: entry.run, alsoBy: [] });
    }
  }
  const minimiseGroup = async (group: (typeof ordered)[number]): Promise<Failure> => {
    const budget = group.verdict.ruleId === 'dyn.hang' ? HANG_MINIMISE_BUDGET : (options.minimiseBudget ?? DEFAULT_MINIMISE_BUDGET);
    const key = groupKey(group.mutation, group.verdict);
    const reproduces = async (probe: Probe): Promise<SandboxRun | undefined> => {
      if (Date.now() > deadline) return undefined;
      const run = await runProbe(pipeline, probe, hangLimitMs, options.seed);
      execs++;
      const again = judge(run, baseline, { ...group.mutation, probe }, MEMORY_SPIKE_FACTOR);
      return again.some((v) => groupKey(group.mutation, v) === key) ? run : undefined;
    };
    // a record count is only comparable with the clean run's on the same records: keep them all
    const keepRecords = group.verdict.ruleId === 'dyn.rows-lost';
    const { probe, run } = await minimise(group.mutation.probe, group.run, reproduces, budget, keepRecords);
    return { ...group, probe, run };
  };
  const ordered = [...groups.values()];
  const out = await inPool(ordered, minimiseGroup, concurrency);
  return { baseline: baselineRun, failures: out, execs, planned: mutations.length, durationMs: Date.now() - started, hangLimitMs, regexAttacks: hints.redos.length };
}

/** ddmin over the records (the changed one always kept) unless told to keep them, then over the changed value's characters. */
async function minimise(probe: Probe, run: SandboxRun, reproduces: (p: Probe) => Promise<SandboxRun | undefined>, budget: number, keepRecords: boolean): Promise<{ probe: Probe; run: SandboxRun }> {
  let best = { probe, run };
  const attempt = async (candidate: Probe): Promise<boolean> => {
    const result = await reproduces(candidate);
    if (result) best = { probe: candidate, run: result };
    return result !== undefined;
  };
  const target = probe.change?.line;
  const others = probe.keep.filter((i) => i !== target);
  const withTarget = (kept: number[]): number[] => (target === undefined ? kept : [...kept, target].sort((a, b) => a - b));
  if (!probe.raw && !keepRecords && others.length > 0) {
    const withNone = { ...probe, keep: withTarget([]) };
    if (!(target !== undefined && (await attempt(withNone)))) await ddmin(others, (kept) => attempt({ ...probe, keep: withTarget(kept) }), budget);
  }
  const change = best.probe.change;
  // a huge value (the 1 MB string) is its own point: shrinking it character by character costs more than it tells
  if (change && change.json === undefined && change.value.length > 1 && change.value.length <= MAX_VALUE_TO_SHRINK) {
    const base = best.probe;
    await ddmin(Array.from(change.value), (chars) => attempt({ ...base, change: { ...change, value: chars.join('') } }), budget);
  }
  return best;
}

/** Writes a failure's minimised input under `.pipewarden/repro/`; returns its path relative to the root. */
export function saveRepro(root: string, name: string, probe: Probe): string {
  const dir = path.join(root, '.pipewarden', 'repro');
  fs.mkdirSync(dir, { recursive: true });
  const bytes = renderProbe(probe);
  const { sample } = probe;
  if (sample.dir) {
    const target = path.join(dir, name);
    fs.rmSync(target, { recursive: true, force: true });
    fs.cpSync(sample.dir, target, { recursive: true });
    fs.writeFileSync(path.join(target, sample.fileName), bytes);
    return path.relative(root, target).split(path.sep).join('/');
  }
  // keep a double extension (.tar.gz, .csv.gz): pipelines pick their reader by it
  const target = path.join(dir, `${name}${/(\.\w+)?\.gz$|\.\w+$/i.exec(sample.fileName)?.[0] ?? '.bin'}`);
  fs.writeFileSync(target, bytes);
  return path.relative(root, target).split(path.sep).join('/');
}
