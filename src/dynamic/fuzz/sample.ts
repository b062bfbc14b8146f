import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { UsageError } from '../../core/errors.js';
import type { ArchiveKind } from '../payloads/bombs.js';
import { encodeText } from '../payloads/index.js';
import type { InputFormat } from '../pipeline.js';
import { archiveKind, firstMember } from './archive-sample.js';
import { csvLine, parseCsv } from './csv.js';

export type RecordFormat = 'csv' | 'jsonl' | 'json';

/** The part of the sample the fuzzer mutates: one data file, as a header and one line per record. */
export interface Sample {
  format: RecordFormat;
  /** Fields, in order (CSV header, or the keys of the first JSON record). */
  columns: string[];
  /** CSV header line; '' for JSON. */
  head: string;
  /** Encoded records, one per entry (a CSV record may hold quoted newlines). */
  lines: string[];
  /** Decoded records (cells for CSV, objects for JSON), aligned with `lines`. */
  records: unknown[];
  /** The data file is gzip-compressed. */
  gzip: boolean;
  /** Name of the data file inside the input (the sample itself, or a file of a sample directory). */
  fileName: string;
  /** For a directory sample: the directory, whose other files are copied unchanged. */
  dir?: string;
  /** For a directory sample: its pickle files, where the canary goes. */
  pickles?: string[];
  /** The data file's bytes when it holds no records the fuzzer understands (a pickle, an archive). */
  opaque?: Buffer;
  /** Archives in the input (the sample itself, or files of a sample directory): where archive bombs go. */
  archives?: ArchiveFile[];
}

export interface ArchiveFile {
  /** Name of the archive file in the input. */
  file: string;
  kind: ArchiveKind;
  /** Its first regular member, when it can be read. */
  member?: string;
}

/** A field value change: record `line` gets `value` (text, or a raw JSON fragment) in `field`. */
export interface FieldChange {
  line: number;
  field: string;
  value: string;
  json?: string;
}

/** One input the pipeline is run on: some of the sample's records, maybe with one field changed. */
export interface Probe {
  sample: Sample;
  /** Indices into sample.lines of the records kept, in order. */
  keep: number[];
  change?: FieldChange;
  /** Replaces the whole data file (pickle canary, compression bomb). */
  raw?: Buffer;
}

const RECORD_FILE = /\.(csv|tsv|jsonl|ndjson|json)(\.gz)?$/i;
const PICKLE_FILE = /\.(pkl|pickle|joblib)$/i;

function recordFormat(name: string): RecordFormat {
  const lower = name.toLowerCase().replace(/\.gz$/, '');
  return /\.(jsonl|ndjson)$/.test(lower) ? 'jsonl' : lower.endsWith('.json') ? 'json' : 'csv';
}

/** Reads the sample; pickles and other opaque inputs yield a sample with no records. */
export function loadSample(samplePath: string, format: InputFormat): Sample {
  if (format === 'dir') {
    const names = fs.readdirSync(samplePath).sort();
    const pickles = names.filter((n) => PICKLE_FILE.test(n));
    const archives = names.flatMap((n) => archiveFile(path.join(samplePath, n)) ?? []);
    const target = names.find((n) => RECORD_FILE.test(n));
    if (!target) return { ...emptySample(path.basename(samplePath)), dir: samplePath, fileName: '', pickles, archives };
    return { ...loadSample(path.join(samplePath, target), target.endsWith('.gz') ? 'gzip' : 'csv'), dir: samplePath, pickles, archives };
  }
  const name = path.basename(samplePath);
  if (format === 'pickle') return { ...emptySample(name), opaque: fs.readFileSync(samplePath) };
  const archive = archiveFile(samplePath);
  // the fuzzer does not look inside archives: it replaces them whole (the bombs)
  if (archive) return { ...emptySample(name), opaque: fs.readFileSync(samplePath), archives: [archive] };
  const gzip = format === 'gzip';
  const bytes = fs.readFileSync(samplePath);
  const text = (gzip ? gunzipSync(bytes) : bytes).toString('utf8').replace(/^\uFEFF/, '');
  const kind = recordFormat(name);
  const base = { gzip, fileName: name };
  if (kind === 'csv') {
    const [header = [], ...rows] = parseCsv(text);
    return { ...base, format: 'csv', columns: header, head: csvLine(header), lines: rows.map(csvLine), records: rows };
  }
  let records: unknown[];
  try {
    records = kind === 'jsonl' ? text.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l)) : JSON.parse(text);
  } catch (err) {
    throw new UsageError(`cannot read the sample ${name}: ${(err as Error).message}`);
  }
  if (!Array.isArray(records)) throw new UsageError(`the JSON sample ${name} must be an array of records`);
  const first = records.find((r) => r && typeof r === 'object' && !Array.isArray(r)) as Record<string, unknown> | undefined;
  return { ...base, format: kind, columns: Object.keys(first ?? {}), head: '', lines: records.map((r) => JSON.stringify(r)), records };
}

function archiveFile(file: string): ArchiveFile | undefined {
  const name = path.basename(file);
  const kind = archiveKind(name);
  if (!kind || !fs.statSync(file).isFile()) return undefined;
  const member = firstMember(fs.readFileSync(file), kind);
  return { file: name, kind, ...(member ? { member } : {}) };
}

function emptySample(fileName: string): Sample {
  return { format: 'csv', columns: [], head: '', lines: [], records: [], gzip: false, fileName };
}

const PLACEHOLDER = '\u0000pipewarden-value\u0000';

function changedLine(sample: Sample, change: FieldChange): string {
  const record = sample.records[change.line];
  if (sample.format === 'csv') {
    const cells = [...((record as string[] | undefined) ?? [])];
    cells[Math.max(0, sample.columns.indexOf(change.field))] = change.value;
    return csvLine(cells);
  }
  const object = record && typeof record === 'object' && !Array.isArray(record) ? (record as Record<string, unknown>) : {};
  return JSON.stringify({ ...object, [change.field]: PLACEHOLDER }).replace(JSON.stringify(PLACEHOLDER), change.json ?? JSON.stringify(change.value));
}

/** The data file's bytes for a probe. */
export function renderProbe(probe: Probe): Buffer {
  if (probe.raw) return probe.raw;
  const { sample } = probe;
  if (sample.opaque) return sample.opaque;
  const lines = probe.keep.map((i) => (probe.change && probe.change.line === i ? changedLine(sample, probe.change) : sample.lines[i]!));
  const text =
    sample.format === 'csv'
      ? [sample.head, ...lines].join('\n') + '\n'
      : sample.format === 'jsonl'
        ? lines.join('\n') + '\n'
        : `[\n${lines.join(',\n')}\n]\n`;
  const bytes = encodeText(text);
  return sample.gzip ? gzipSync(bytes) : bytes;
}

export function fullProbe(sample: Sample): Probe {
  return { sample, keep: sample.lines.map((_, i) => i) };
}

/** The records of a pipeline output (a CSV, JSONL or JSON file, judged by its content), each as one line of text. */
export function outputRecords(bytes: Buffer): string[] {
  const text = bytes.toString('utf8').trim();
  if (!text) return [];
  if (text.startsWith('[')) {
    try {
      const parsed = JSON.parse(text) as unknown;
      if (Array.isArray(parsed)) return parsed.map((r) => JSON.stringify(r));
    } catch {
      // not JSON after all: read as lines below
    }
  }
  if (text.startsWith('{')) return text.split('\n').filter((l) => l.trim()).map((l) => l.trim());
  return parseCsv(text).slice(1).map(csvLine);
}
