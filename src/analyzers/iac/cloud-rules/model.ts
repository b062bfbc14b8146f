import type { Range } from '../../../core/make-finding.js';

/**
 * A resolved configuration value, shared by Terraform and CloudFormation so that one property
 * check serves both. Every value keeps the source range it was written at (for a value that came
 * from a variable, parameter or local: the place that refers to it). What cannot be known without
 * deploying — an expression over unknown inputs, a function not modelled — is `unknown`, never
 * guessed; a reference to another resource is a `ref` naming it.
 */
export type Value = ScalarValue | ListValue | ObjectValue | RefValue | UnknownValue;

export interface ScalarValue {
  kind: 'scalar';
  value: string | number | boolean | null;
  range: Range;
}

export interface ListValue {
  kind: 'list';
  items: Value[];
  range: Range;
}

export interface Entry {
  key: string;
  value: Value;
  keyRange: Range;
}

export interface ObjectValue {
  kind: 'object';
  entries: Entry[];
  range: Range;
}

/** Another resource (`aws_kms_key.data.arn`, `!GetAtt DataKey.Arn`, `!Ref RawBucket`). */
export interface RefValue {
  kind: 'ref';
  /** Address of the resource within its module or template: `aws_kms_key.data`, `RawBucket`. */
  target: string;
  attribute?: string;
  range: Range;
}

export interface UnknownValue {
  kind: 'unknown';
  /** Literal text around the unknown parts of a template (`postgres://h/db?sslmode=disable&u=${…}`). */
  fragments?: string[];
  range: Range;
}

/** One resource of a Terraform module instance or a CloudFormation template, resolved. */
export interface CloudResource {
  dialect: 'terraform' | 'cloudformation';
  /** `aws_s3_bucket`, `data.aws_iam_policy_document`, `AWS::S3::Bucket`. */
  type: string;
  /** Address other resources refer to it by: `aws_s3_bucket.raw`, `RawBucket`. */
  address: string;
  /** Which of the instances `for_each`/`count` make this is (`["raw"]`, `[0]`), where they are told apart. */
  instance?: string;
  /** The file the resource is written in, relative to the scanned root. */
  file: string;
  /** Where it is declared (its header line). */
  range: Range;
  /** Terraform arguments and nested blocks (each block type a list of objects); CloudFormation `Properties`. */
  body: ObjectValue;
  /** The module instance it belongs to, for messages: `module.etl` (empty at the root). */
  module: string;
}

export const emptyObject = (range: Range): ObjectValue => ({ kind: 'object', entries: [], range });

/** The value at `key` of an object, or of the first object of a list of blocks. */
export function get(value: Value | undefined, ...path: string[]): Value | undefined {
  let current = value;
  for (const key of path) {
    const object = firstObject(current);
    if (!object) return undefined;
    current = object.entries.find((e) => e.key === key)?.value;
  }
  return current;
}

/** Every value reached by `path`, fanning out over lists (repeated blocks, arrays of rules). */
export function getAll(value: Value | undefined, ...path: string[]): Value[] {
  let current: Value[] = value ? [value] : [];
  for (const key of path) {
    current = current.flatMap(items).flatMap((v) => (v.kind === 'object' ? v.entries.filter((e) => e.key === key).map((e) => e.value) : []));
  }
  return current.flatMap(items);
}

/** A list's items; any other value as a list of one. */
export function items(value: Value | undefined): Value[] {
  if (!value) return [];
  return value.kind === 'list' ? value.items : [value];
}

function firstObject(value: Value | undefined): ObjectValue | undefined {
  if (!value) return undefined;
  if (value.kind === 'object') return value;
  if (value.kind === 'list' && value.items[0]?.kind === 'object') return value.items[0];
  return undefined;
}

export function isKnown(value: Value | undefined): boolean {
  return value !== undefined && value.kind !== 'unknown';
}

/** The string of a known scalar (numbers and booleans as written), else undefined. */
export function str(value: Value | undefined): string | undefined {
  return value?.kind === 'scalar' && value.value !== null ? String(value.value) : undefined;
}

/** True/false for a known boolean (also the strings "true"/"false", as both tools accept them). */
export function bool(value: Value | undefined): boolean | undefined {
  const s = str(value)?.toLowerCase();
  return s === 'true' ? true : s === 'false' ? false : undefined;
}

export function num(value: Value | undefined): number | undefined {
  const s = str(value);
  if (s === undefined || s.trim() === '') return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/** Absent or an explicit null: the provider's default applies. */
export function isUnset(value: Value | undefined): boolean {
  return value === undefined || (value.kind === 'scalar' && value.value === null);
}

/** A value that names something (a key id, a configuration name): set and not an empty string. */
export function isSet(value: Value | undefined): boolean {
  return !isUnset(value) && str(value) !== '';
}

/** Every string written anywhere in a value, with known literal fragments of unknown templates. */
export function* strings(value: Value | undefined): Generator<{ text: string; range: Range }> {
  if (!value) return;
  if (value.kind === 'scalar' && typeof value.value === 'string') yield { text: value.value, range: value.range };
  else if (value.kind === 'unknown') for (const text of value.fragments ?? []) yield { text, range: value.range };
  else if (value.kind === 'list') for (const item of value.items) yield* strings(item);
  else if (value.kind === 'object') for (const e of value.entries) yield* strings(e.value);
}

/** A plain JavaScript value for a fully known Value, `undefined` where anything is unknown. */
export function plain(value: Value): unknown {
  switch (value.kind) {
    case 'scalar':
      return value.value;
    case 'list': {
      const out = value.items.map(plain);
      return out.includes(undefined) ? undefined : out;
    }
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const e of value.entries) {
        const v = plain(e.value);
        if (v === undefined) return undefined;
        out[e.key] = v;
      }
      return out;
    }
    default:
      return undefined;
  }
}

/** Converts parsed JSON into a Value whose every part sits at `range` (the string it came from). */
export function fromJson(data: unknown, range: Range): Value {
  if (Array.isArray(data)) return { kind: 'list', items: data.map((d) => fromJson(d, range)), range };
  if (data !== null && typeof data === 'object') {
    return { kind: 'object', entries: Object.entries(data).map(([key, v]) => ({ key, value: fromJson(v, range), keyRange: range })), range };
  }
  if (typeof data === 'string' || typeof data === 'number' || typeof data === 'boolean' || data === null) return { kind: 'scalar', value: data, range };
  return { kind: 'unknown', range };
}

/** A copy of `value` with every range moved to `range` (a variable's value shown where it is used). */
export function relocate(value: Value, range: Range): Value {
  switch (value.kind) {
    case 'list':
      return { kind: 'list', items: value.items.map((v) => relocate(v, range)), range };
    case 'object':
      return { kind: 'object', entries: value.entries.map((e) => ({ key: e.key, value: relocate(e.value, range), keyRange: range })), range };
    default:
      return { ...value, range };
  }
}

/** A document written as a structure, or as a JSON string (a heredoc, `PolicyDocument: '{…}'`). */
export function asDocument(value: Value | undefined): Value | undefined {
  if (value?.kind === 'scalar' && typeof value.value === 'string') {
    const text = value.value.trim();
    if (!text.startsWith('{') && !text.startsWith('[')) return undefined;
    try {
      return fromJson(JSON.parse(text), value.range);
    } catch {
      return undefined;
    }
  }
  return value?.kind === 'object' || value?.kind === 'list' ? value : undefined;
}

/** Does `value` refer to the resource at `address` (directly, or inside a list or template)? */
export function refersTo(value: Value | undefined, address: string): boolean {
  if (!value) return false;
  if (value.kind === 'ref') return value.target === address;
  if (value.kind === 'list') return value.items.some((v) => refersTo(v, address));
  if (value.kind === 'object') return value.entries.some((e) => refersTo(e.value, address));
  return false;
}

