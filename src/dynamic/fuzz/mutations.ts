import { archiveBombs, type ArchiveKind } from '../payloads/bombs.js';
import { deepJson, PAYLOADS, pickleCanary, verbatim, type Payload } from '../payloads/index.js';
import { fullProbe, type ArchiveFile, type Probe, type Sample } from './sample.js';
import type { SchemaViolation } from './schema.js';
import { seededRandom, shuffled } from './rng.js';

export type MutationFamily = Payload['family'] | 'schema-violation' | 'csv-structure' | 'json-structure' | 'redos' | 'pickle-canary' | 'compression-bomb';

export interface Mutation {
  /** Stable id: family, payload and field, e.g. `formula/formula-hyperlink@comment`. */
  id: string;
  family: MutationFamily;
  cwe: string;
  description: string;
  probe: Probe;
  /** The payload in the output un-neutralised, for injection payloads. */
  propagated?: RegExp;
  /** Only one value changed, so the output should hold as many records as for the clean sample. */
  keepsRecordCount: boolean;
}

/** A regex the static analysis found vulnerable, with an input that makes it backtrack. */
export interface RegexAttack {
  where: string;
  attack: string;
}

export interface MutationOptions {
  seed: number;
  redos: RegexAttack[];
  /** The pipeline unpickles its input (the sample is a pickle, or its code loads pickles). */
  loadsPickles: boolean;
  /** Archive kinds the pipeline's code opens, besides those in the sample. */
  readsArchives?: ArchiveKind[];
  memoryBytes: number;
  /** Values that break the record schema, when one was given. */
  schema: SchemaViolation[];
  /** Restrict to these families (tests, focused runs). */
  families?: MutationFamily[];
}

/** Values that only make sense in a CSV cell: they attack the file's structure once written. */
const CSV_CELL_ATTACKS: Array<[string, string]> = [
  ['embedded-newline', 'first line\nsecond line'],
  ['embedded-delimiter', 'a,b,c'],
  ['embedded-quote', 'say "hi'],
  ['carriage-return', 'a\rb'],
];

function fieldMutations(sample: Sample, random: () => number, options: MutationOptions): Mutation[] {
  const out: Mutation[] = [];
  const pick = (): number => Math.floor(random() * sample.lines.length);
  const valued = (id: string, family: MutationFamily, cwe: string, field: string, value: string, json?: string, propagated?: RegExp): Mutation => {
    const line = pick();
    return {
      id: `${family}/${id}@${field}`,
      family,
      cwe,
      description: `${id} in field "${field}" of record ${line + 1}`,
      probe: { ...fullProbe(sample), change: { line, field, value, ...(json !== undefined ? { json } : {}) } },
      ...(propagated ? { propagated } : {}),
      keepsRecordCount: true,
    };
  };
  // a CSV cannot gain a column by changing one cell: schema fields it lacks are left alone
  for (const v of options.schema.filter((s) => sample.format !== 'csv' || sample.columns.includes(s.field))) {
    out.push(valued(v.id, 'schema-violation', 'CWE-20', v.field, v.value, v.json, v.recognisable ? verbatim(v.value) : undefined));
  }
  for (const field of sample.columns) {
    for (const payload of PAYLOADS) out.push(valued(payload.id, payload.family, payload.cwe, field, payload.text, payload.json, payload.propagated));
    if (sample.format === 'csv') for (const [id, value] of CSV_CELL_ATTACKS) out.push(valued(id, 'csv-structure', 'CWE-1236', field, value));
    for (const [i, regex] of options.redos.entries()) out.push(valued(`regex-${i + 1}`, 'redos', 'CWE-1333', field, regex.attack));
  }
  return out;
}

/** Whole-record and whole-file attacks on the structure of the data file. */
function structureMutations(sample: Sample, random: () => number): Mutation[] {
  if (sample.lines.length === 0) return [];
  const line = Math.floor(random() * sample.lines.length);
  const full = fullProbe(sample);
  const withLine = (id: string, family: MutationFamily, cwe: string, text: string): Mutation => ({
    id: `${family}/${id}`,
    family,
    cwe,
    description: `${id} at record ${line + 1}`,
    probe: { ...full, sample: { ...sample, lines: sample.lines.map((l, i) => (i === line ? text : l)) } },
    keepsRecordCount: false,
  });
  const withSample = (id: string, family: MutationFamily, cwe: string, changed: Partial<Sample>): Mutation => ({
    id: `${family}/${id}`,
    family,
    cwe,
    description: id,
    probe: { ...full, sample: { ...sample, ...changed } },
    keepsRecordCount: false,
  });
  const original = sample.lines[line]!;
  if (sample.format === 'csv') {
    return [
      withLine('extra-column', 'csv-structure', 'CWE-20', `${original},extra`),
      withLine('missing-column', 'csv-structure', 'CWE-20', original.replace(/,[^,]*$/, '')),
      withLine('unbalanced-quote', 'csv-structure', 'CWE-20', `"${original}`),
      withLine('blank-record', 'csv-structure', 'CWE-20', ''),
      withSample('duplicate-header', 'csv-structure', 'CWE-20', { head: `${sample.head},${sample.columns[0] ?? 'id'}` }),
      withSample('header-only', 'csv-structure', 'CWE-20', { lines: [] }),
      withSample('empty-file', 'csv-structure', 'CWE-20', { head: '', lines: [] }),
      withSample('bom-and-crlf', 'csv-structure', 'CWE-176', { head: `\uFEFF${sample.head}`, lines: sample.lines.map((l) => `${l}\r`) }),
    ];
  }
  const first = sample.columns[0] ?? 'id';
  return [
    withLine('deep-nesting', 'json-structure', 'CWE-674', `{${JSON.stringify(first)}:${deepJson()}}`),
    withLine('duplicate-keys', 'json-structure', 'CWE-20', original.replace(/^\{/, `{${JSON.stringify(first)}:"duplicate",`)),
    withLine('not-an-object', 'json-structure', 'CWE-20', '"just a string"'),
    withLine('null-record', 'json-structure', 'CWE-476', 'null'),
    withLine('truncated-record', 'json-structure', 'CWE-20', original.slice(0, Math.floor(original.length / 2))),
  ];
}

function wholeInputMutations(sample: Sample, options: MutationOptions): Mutation[] {
  const out: Mutation[] = [];
  const full = fullProbe(sample);
  if (options.loadsPickles) {
    // in a directory sample the canary takes the place of its first pickle; else it is the input
    const target = sample.pickles?.[0];
    const probe = target ? { ...full, sample: { ...sample, fileName: target }, raw: pickleCanary() } : { ...full, raw: pickleCanary() };
    out.push({ id: 'pickle-canary', family: 'pickle-canary', cwe: 'CWE-502', description: `a pickle${target ? ` in place of ${target}` : ''} whose only effect is to create a marker file`, probe, keepsRecordCount: false });
  }
  const inflated = Math.min(options.memoryBytes * 2, 1024 ** 3);
  for (const target of bombTargets(sample, options.readsArchives ?? [])) {
    const where = sample.dir ? (sample.archives?.some((a) => a.file === target.file) ? ` in place of ${target.file}` : ` added to the input as ${target.file}`) : '';
    for (const bomb of archiveBombs(target.kind, target.member ?? memberName(sample), inflated)) {
      const probe = { ...full, sample: { ...sample, fileName: target.file }, raw: bomb.bytes };
      out.push({ id: `compression-bomb/${bomb.id}`, family: 'compression-bomb', cwe: 'CWE-409', description: `${bomb.description}${where}`, probe, keepsRecordCount: false });
    }
  }
  return out;
}

/**
 * Where archive bombs go: in place of the archives the sample holds (a gzip-compressed data file
 * counts), and — for kinds the code opens that the sample lacks — as a new file of a sample
 * directory, or in place of a single-file input (code that sniffs the content then unpacks it).
 */
function bombTargets(sample: Sample, codeReads: ArchiveKind[]): ArchiveFile[] {
  const targets: ArchiveFile[] = [...(sample.archives ?? [])];
  if (sample.gzip) targets.push({ file: sample.fileName, kind: 'gzip' });
  for (const read of codeReads) {
    // tarfile and most tar readers also take a gzip-compressed tar, whose bombs include the sparse one
    const kind: ArchiveKind = read === 'tar' ? 'tar.gz' : read;
    if (targets.some((t) => t.kind === kind || (kind === 'tar.gz' && t.kind === 'tar'))) continue;
    if (sample.dir) targets.push({ file: `pipewarden-bomb.${kind === 'gzip' ? 'csv.gz' : kind}`, kind });
    else if (!sample.opaque) targets.push({ file: sample.fileName, kind });
  }
  // one archive of each kind is enough: the same bombs in another file of that kind prove nothing new
  return targets.filter((t, i) => targets.findIndex((u) => u.kind === t.kind) === i);
}

/** A member name for bombs when the sample's archive shows none: the data file's name, else `data.csv`. */
function memberName(sample: Sample): string {
  const base = sample.fileName.replace(/\.(tar\.gz|tgz|tar|zip|gz)$/i, '');
  if (!base) return 'data.csv';
  return /\.\w+$/.test(base) ? base : `${base}.csv`;
}

/**
 * Every mutation of the sample, in a seeded order that interleaves families, so a small
 * --max-execs budget still tries each kind of attack before the second of any.
 */
export async function generateMutations(sample: Sample, options: MutationOptions): Promise<Mutation[]> {
  const random = seededRandom(options.seed);
  const all = [
    ...wholeInputMutations(sample, options),
    ...(sample.lines.length > 0 ? fieldMutations(sample, random, options) : []),
    ...structureMutations(sample, random),
  ].filter((m) => !options.families || options.families.includes(m.family));
  const byFamily = new Map<MutationFamily, Mutation[]>();
  for (const m of all) byFamily.set(m.family, [...(byFamily.get(m.family) ?? []), m]);
  const queues = shuffled([...byFamily.values()].map((q) => shuffled(q, random)), random);
  const ordered: Mutation[] = [];
  while (queues.some((q) => q.length > 0)) for (const q of queues) if (q.length > 0) ordered.push(q.shift()!);
  return ordered;
}
