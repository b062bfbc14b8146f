import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { jsonRecords } from '../input/records.js';
import { STRING_FORMATS } from './formats.js';
import { linearRegExp } from './linear-regexp.js';
import type { RecordSchema } from './json-schema.js';
import { ViolationTally, type ValidationReport } from './violations.js';

/** Validates every record of a JSON or JSON Lines file with ajv, streaming JSON Lines. */
export async function validateJson(file: string, format: 'json' | 'jsonl', schema: RecordSchema): Promise<ValidationReport> {
  const validate = compileSchema(schema);
  const tally = new ViolationTally();
  let records = 0;
  for await (const record of jsonRecords(file, format)) {
    records++;
    if ('problem' in record) {
      tally.add('', record.problem, record.text, `line ${record.line}: ${record.detail}`);
      continue;
    }
    checkValue(validate, record.value, tally);
  }
  return { source: file, method: 'ajv', records, violations: tally.list() };
}

/** ajv for JSON Schema 2020-12 with pipewarden's formats and linear-time patterns. */
export function compileSchema(schema: object): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, strict: false, code: { regExp: linearRegExp } });
  for (const [name, pattern] of Object.entries(STRING_FORMATS)) ajv.addFormat(name, new RegExp(pattern));
  try {
    return ajv.compile(schema);
  } catch (err) {
    throw new Error(`the schema does not compile: ${(err as Error).message}`);
  }
}

/** Validates one value and tallies each error under its path, below `under` (a column) when given. */
export function checkValue(validate: ValidateFunction, value: unknown, tally: ViolationTally, under?: string): void {
  if (validate(value)) return;
  for (const error of validate.errors ?? []) {
    const path = errorPath(error);
    tally.add(under === undefined ? path : path ? `${under}/${path}` : under, error.keyword, valueAt(value, error.instancePath), error.message);
  }
}

function errorPath(error: ErrorObject): string {
  const missing = error.keyword === 'required' ? (error.params as { missingProperty?: string }).missingProperty : undefined;
  const extra = error.keyword === 'additionalProperties' ? (error.params as { additionalProperty?: string }).additionalProperty : undefined;
  const leaf = missing ?? extra;
  return leaf === undefined ? error.instancePath.replace(/^\//, '') : `${error.instancePath.replace(/^\//, '')}${error.instancePath ? '/' : ''}${leaf}`;
}

function valueAt(value: unknown, pointer: string): unknown {
  let current = value;
  for (const part of pointer.split('/').slice(1)) {
    const key = part.replaceAll('~1', '/').replaceAll('~0', '~');
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
