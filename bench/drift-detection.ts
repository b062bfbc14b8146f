/**
 * Detection benchmark for drift and slow poisoning on real data sets from the vega-datasets
 * package. The whole data set is the golden baseline (profiled once, frozen) and clean batches
 * are bootstrap samples of it — drawn with replacement, so they follow its distribution without
 * being copies of one another. (Splitting these small sets into a golden half and a pool would
 * give every batch the pool's own sampling bias, a drift that is not there.) Attacks are injected
 * into batch series and every batch goes through the real path: a CSV file profiled by DuckDB,
 * then the per-batch drift test against the golden profile and the slow-drift monitor over the
 * series so far.
 *
 *   abrupt   from batch 11 on, 10% of the rows of the target column get +3σ
 *   slow     batch t (1…30) of the target column is shifted by +0.05σ·t
 *   flip     from batch 11 on, 20% of the rows get the target column's second most frequent label
 *            (a targeted flip, the classic label-flipping attack: fraud → ok, spam → ham)
 *   flip-random  from batch 11 on, 20% of the rows get a random other label (the changes partly cancel)
 *
 * Flip attacks are profiled with the attacked column declared as the label (`--label`), so the
 * per-label means of the numeric columns count towards detecting them; clean batches are profiled
 * once per categorical column as the label, and a clean column-batch is a false alarm when any
 * check of any of those profiles flags it, the label-conditional ones included.
 *
 * It prints detection rate, batches-to-detect and false alarms per column-batch on clean batches.
 * Usage: node dist/bench/drift-detection.js [--batch-size 200] [--reps 1] [--datasets cars,movies]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { compareProfiles } from '../src/data/drift/compare.js';
import { resolveDriftSettings } from '../src/data/drift/settings.js';
import { monitorSeries } from '../src/data/monitor/monitor.js';
import { profileDataset } from '../src/data/profile/index.js';
import type { DatasetProfile } from '../src/data/profile/types.js';
import { seededRandom } from '../src/dynamic/fuzz/rng.js';

type Value = string | number | null;
type Row = Record<string, Value>;

interface DatasetSpec {
  name: string;
  file: string;
  numeric: string[];
  categorical: string[];
}

const DATASETS: DatasetSpec[] = [
  { name: 'cars', file: 'cars.json', numeric: ['Miles_per_Gallon', 'Displacement', 'Horsepower', 'Weight_in_lbs', 'Acceleration'], categorical: ['Origin'] },
  { name: 'seattle-weather', file: 'seattle-weather.csv', numeric: ['precipitation', 'temp_max', 'temp_min', 'wind'], categorical: ['weather'] },
  { name: 'movies', file: 'movies.json', numeric: ['US Gross', 'Production Budget', 'Running Time min', 'Rotten Tomatoes Rating', 'IMDB Rating'], categorical: ['MPAA Rating', 'Major Genre'] },
  { name: 'penguins', file: 'penguins.json', numeric: ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)'], categorical: ['Species', 'Island', 'Sex'] },
  { name: 'flights-20k', file: 'flights-20k.json', numeric: ['delay', 'distance'], categorical: ['origin'] },
];

const SERIES = 30;
const ONSET = 10;
const ATTACK_BATCHES = 10;


interface Args {
  batchSize: number;
  reps: number;
  datasets: string[];
}

function parseArgs(argv: string[]): Args {
  const get = (flag: string) => {
    const i = argv.indexOf(flag);
    return i === -1 ? undefined : argv[i + 1];
  };
  return {
    batchSize: Number(get('--batch-size') ?? 200),
    reps: Number(get('--reps') ?? 1),
    datasets: (get('--datasets') ?? DATASETS.map((d) => d.name).join(',')).split(','),
  };
}

function dataDir(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  for (let dir = here; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', 'vega-datasets', 'data');
    if (fs.existsSync(candidate)) return candidate;
  }
  throw new Error('vega-datasets is not installed (it is a dev dependency: npm ci)');
}

/** Reads a data set's rows (these files are small; the commands themselves never load data into JavaScript). */
function loadRows(spec: DatasetSpec): Row[] {
  const text = fs.readFileSync(path.join(dataDir(), spec.file), 'utf8');
  if (spec.file.endsWith('.json')) return JSON.parse(text) as Row[];
  const [header, ...lines] = text.trim().split('\n');
  const names = header!.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(names.map((n, i) => [n, cells[i] === '' || cells[i] === undefined ? null : Number.isNaN(Number(cells[i])) ? cells[i]! : Number(cells[i])]));
  });
}

function csvCell(v: Value): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return String(v);
  return `"${v.replace(/"/g, '""')}"`;
}

let fileCounter = 0;
async function profileRows(dir: string, columns: string[], rows: Row[], label?: string): Promise<DatasetProfile> {
  const file = path.join(dir, `batch-${fileCounter++}.csv`);
  fs.writeFileSync(file, `${columns.map(csvCell).join(',')}\n${rows.map((r) => columns.map((c) => csvCell(r[c] ?? null)).join(',')).join('\n')}\n`);
  const profile = await profileDataset({ engine: 'duckdb', file, threads: 1 }, { dataset: 'bench', ...(label === undefined ? {} : { label }) });
  fs.rmSync(file);
  return profile;
}

/** A column's labels, most frequent first. */
function labelsByFrequency(rows: Row[], column: string): string[] {
  const counts = new Map<string, number>();
  for (const r of rows) if (typeof r[column] === 'string') counts.set(r[column] as string, (counts.get(r[column] as string) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1]).map(([label]) => label);
}

function stats(values: number[]): { mean: number; std: number } {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return { mean, std: Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / (values.length - 1)) };
}

type Scenario = 'abrupt' | 'slow' | 'flip' | 'flip-random';

/** The rows of batch t of a scenario: a bootstrap sample of the data set, attacked where the scenario says. */
function batchRows(pool: Row[], size: number, random: () => number, scenario: Scenario | 'clean', target: string, t: number, sigma: number, labels: string[]): Row[] {
  const rows = Array.from({ length: size }, () => ({ ...pool[Math.floor(random() * pool.length)]! }));
  const attacked = scenario === 'slow' || (t >= ONSET && scenario !== 'clean');
  if (!attacked) return rows;
  for (const row of rows) {
    const v = row[target];
    if (v === null || v === undefined) continue;
    if (scenario === 'slow' && typeof v === 'number') row[target] = v + 0.05 * sigma * (t + 1);
    if (scenario === 'abrupt' && typeof v === 'number' && random() < 0.1) row[target] = v + 3 * sigma;
    if (scenario === 'flip' && random() < 0.2) row[target] = labels[1]!;
    if (scenario === 'flip-random' && random() < 0.2) {
      const others = labels.filter((l) => l !== v);
      row[target] = others[Math.floor(random() * others.length)]!;
    }
  }
  return rows;
}

interface ColumnFlags {
  /** Per batch: the per-batch drift test against the golden profile flagged the column. */
  perBatch: boolean[];
  /** Per batch: the slow-drift monitor was in alarm for the column after this batch. */
  monitor: boolean[];
  /** Per batch (from the second): the drift test against the previous batch flagged it. */
  consecutive: boolean[];
}

/** Runs the real checks over a series and returns, per column and batch, what flagged it. */
function evaluate(golden: DatasetProfile, series: DatasetProfile[], columns: string[]): Map<string, ColumnFlags> {
  const settings = resolveDriftSettings();
  const flags = new Map(columns.map((c) => [c, { perBatch: [] as boolean[], monitor: [] as boolean[], consecutive: [] as boolean[] }]));
  series.forEach((batch, t) => {
    const vsGolden = compareProfiles(golden, batch, settings);
    const vsPrevious = t > 0 ? compareProfiles(series[t - 1]!, batch, settings) : undefined;
    const monitor = monitorSeries('bench', golden, series.slice(0, t + 1));
    for (const c of columns) {
      const f = flags.get(c)!;
      // Label-conditional drift belongs to the label column, whose flips move it.
      f.perBatch.push(vsGolden.columns.some((d) => d.column === c && d.drifted) || (vsGolden.labelConditional?.column === c && vsGolden.labelConditional.drifted));
      f.consecutive.push((vsPrevious?.columns.some((d) => d.column === c && d.drifted) || (vsPrevious?.labelConditional?.column === c && vsPrevious.labelConditional.drifted)) ?? false);
      f.monitor.push(monitor.series.some((s) => s.column === c && s.alarm));
    }
  });
  return flags;
}

interface Outcome {
  dataset: string;
  scenario: Scenario;
  column: string;
  detected: boolean;
  /** Batches from the first attacked batch to the first alarm, 1 = the first attacked batch. */
  toDetect: number | null;
  byPerBatch: boolean;
  byMonitor: boolean;
  /** Slow drift only: did the test against the previous batch ever fire? */
  consecutiveAlarm: boolean;
}

async function run(args: Args): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-drift-bench-'));
  const outcomes: Outcome[] = [];
  const falseAlarms = new Map<string, { batches: number; alarms: number; perBatch: number; monitor: number }>();
  const started = Date.now();
  try {
    for (const spec of DATASETS.filter((d) => args.datasets.includes(d.name))) {
      const all = loadRows(spec);
      const columns = [...spec.numeric, ...spec.categorical];
      for (let rep = 0; rep < args.reps; rep++) {
        const random = seededRandom(1000 * rep + spec.name.length * 7919 + 17);
        // Profiles without a label (numeric attacks) and with each categorical column as the label.
        const labelChoices = [undefined, ...spec.categorical];
        const goldens = new Map<string | undefined, DatasetProfile>();
        for (const label of labelChoices) goldens.set(label, await profileRows(dir, columns, all, label));
        const profileEach = async (batches: Row[][], label: string | undefined) => {
          const out: DatasetProfile[] = [];
          for (const rows of batches) out.push(await profileRows(dir, columns, rows, label));
          return out;
        };
        const sigma = new Map(spec.numeric.map((c) => [c, stats(all.map((r) => r[c]).filter((v): v is number => typeof v === 'number')).std]));
        const labels = new Map(spec.categorical.map((c) => [c, labelsByFrequency(all, c)]));
        const fa = falseAlarms.get(spec.name) ?? { batches: 0, alarms: 0, perBatch: 0, monitor: 0 };
        falseAlarms.set(spec.name, fa);
        /** Counts clean column-batches flagged by any check of the profiles made with any label. */
        const countClean = (series: Map<string | undefined, DatasetProfile[]>, batches: number) => {
          const runs = spec.categorical.map((label) => evaluate(goldens.get(label)!, series.get(label)!, columns));
          for (const c of columns) {
            for (let t = 0; t < batches; t++) {
              const perBatch = runs.some((r) => r.get(c)!.perBatch[t]);
              const monitor = runs.some((r) => r.get(c)!.monitor[t]);
              fa.batches++;
              if (perBatch || monitor) fa.alarms++;
              if (perBatch) fa.perBatch++;
              if (monitor) fa.monitor++;
            }
          }
        };
        const cleanRows = Array.from({ length: SERIES }, (_, t) => batchRows(all, args.batchSize, random, 'clean', '', t, 0, []));
        // Every abrupt and flip attack starts after the same ten clean batches (profiled once per label choice).
        const beforeOnsetRows = Array.from({ length: ONSET }, (_, t) => batchRows(all, args.batchSize, random, 'clean', '', t, 0, []));
        const clean = new Map<string | undefined, DatasetProfile[]>();
        const beforeOnset = new Map<string | undefined, DatasetProfile[]>();
        for (const label of spec.categorical) clean.set(label, await profileEach(cleanRows, label));
        for (const label of labelChoices) beforeOnset.set(label, await profileEach(beforeOnsetRows, label));
        countClean(clean, SERIES);
        countClean(beforeOnset, ONSET);

        const attacks: Array<[Scenario, string]> = [
          ...spec.numeric.flatMap((c): Array<[Scenario, string]> => [['abrupt', c], ['slow', c]]),
          ...spec.categorical.flatMap((c): Array<[Scenario, string]> => [['flip', c], ['flip-random', c]]),
        ];
        for (const [scenario, target] of attacks) {
          const onset = scenario === 'slow' ? 0 : ONSET;
          const label = scenario === 'flip' || scenario === 'flip-random' ? target : undefined;
          const series: DatasetProfile[] = scenario === 'slow' ? [] : [...beforeOnset.get(label)!];
          for (let t = series.length; t < onset + (scenario === 'slow' ? SERIES : ATTACK_BATCHES); t++) {
            series.push(await profileRows(dir, columns, batchRows(all, args.batchSize, random, scenario, target, t, sigma.get(target) ?? 0, labels.get(target) ?? []), label));
          }
          const f = evaluate(goldens.get(label)!, series, columns).get(target)!;
          const alarmAt = (list: boolean[]) => list.findIndex((x, t) => t >= onset && x);
          const first = [alarmAt(f.perBatch), alarmAt(f.monitor)].filter((t) => t !== -1);
          outcomes.push({
            dataset: spec.name,
            scenario,
            column: target,
            detected: first.length > 0,
            toDetect: first.length > 0 ? Math.min(...first) - onset + 1 : null,
            byPerBatch: alarmAt(f.perBatch) !== -1,
            byMonitor: alarmAt(f.monitor) !== -1,
            consecutiveAlarm: f.consecutive.some(Boolean),
          });
        }
        process.stderr.write(`${spec.name} rep ${rep + 1}/${args.reps} done (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
      }
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  print(outcomes, falseAlarms, args);
}

function print(outcomes: Outcome[], falseAlarms: Map<string, { batches: number; alarms: number; perBatch: number; monitor: number }>, args: Args): void {
  const pct = (a: number, b: number) => (b === 0 ? '-' : `${((100 * a) / b).toFixed(1)}%`);
  const median = (xs: number[]) => {
    if (xs.length === 0) return '-';
    const s = [...xs].sort((a, b) => a - b);
    return String(s[Math.floor((s.length - 1) / 2)]);
  };
  const lines = [
    `Drift detection on vega-datasets · batches of ${args.batchSize} rows · ${args.reps} repetition(s) · defaults (pipewarden preset, CUSUM k=0.5 h=8, EWMA λ=0.2 L=3.5, window 10) · flips profiled with the flipped column as --label`,
    '',
    '| data set | attack | attacks | detected | by per-batch test | by CUSUM/EWMA | median batches to detect | max | slow drift: test vs previous batch fired |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
  ];
  const groups = new Map<string, Outcome[]>();
  for (const o of outcomes) groups.set(`${o.dataset}\u0000${o.scenario}`, [...(groups.get(`${o.dataset}\u0000${o.scenario}`) ?? []), o]);
  for (const [key, list] of groups) {
    const [dataset, scenario] = key.split('\u0000');
    const detected = list.filter((o) => o.detected);
    const times = detected.map((o) => o.toDetect!);
    lines.push(
      `| ${dataset} | ${scenario} | ${list.length} | ${pct(detected.length, list.length)} | ${pct(list.filter((o) => o.byPerBatch).length, list.length)} | ${pct(list.filter((o) => o.byMonitor).length, list.length)} | ${median(times)} | ${times.length ? Math.max(...times) : '-'} | ${scenario === 'slow' ? `${list.filter((o) => o.consecutiveAlarm).length} of ${list.length}` : ''} |`,
    );
  }
  const total = outcomes.filter((o) => o.detected).length;
  lines.push(`| **all** | | ${outcomes.length} | **${pct(total, outcomes.length)}** | ${pct(outcomes.filter((o) => o.byPerBatch).length, outcomes.length)} | ${pct(outcomes.filter((o) => o.byMonitor).length, outcomes.length)} | ${median(outcomes.filter((o) => o.detected).map((o) => o.toDetect!))} | | |`);
  lines.push('', '| data set | clean column-batches | false alarms | rate | by per-batch test | by CUSUM/EWMA |', '|---|---:|---:|---:|---:|---:|');
  let batches = 0;
  let alarms = 0;
  for (const [dataset, fa] of falseAlarms) {
    batches += fa.batches;
    alarms += fa.alarms;
    lines.push(`| ${dataset} | ${fa.batches} | ${fa.alarms} | ${pct(fa.alarms, fa.batches)} | ${fa.perBatch} | ${fa.monitor} |`);
  }
  lines.push(`| **all** | ${batches} | ${alarms} | **${pct(alarms, batches)}** | | |`);
  const missed = outcomes.filter((o) => !o.detected).map((o) => `${o.dataset}/${o.scenario}/${o.column}`);
  if (missed.length > 0) lines.push('', `Missed: ${missed.join(', ')}`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

await run(parseArgs(process.argv.slice(2)));
