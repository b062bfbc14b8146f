import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { jsonRecords } from '../input/records.js';
import { STRING_FORMATS } from './formats.js';
import { linearRegExp } from './linear-regexp.js';
import type { RecordSchema } from './json-schema.js';
import { ViolationTally, type ValidationReport } from './violations.js';

/** Validates every record of a JSON or JSON Lines file with ajv, streaming JSON Lines. */
export async function validateJson(file: string, format: 'json' | 'jsonl', schema: RecordSchema): Promise<ValidationReport> {
  const ajv = new Ajv2020({ allErrors: true, strict: false, code: { regExp: linearRegExp } });
  for (const [name, pattern] of Object.entries(STRING_FORMATS)) ajv.addFormat(name, new RegExp(pattern));
  let validate;
  try {
    validate = ajv.compile(schema);
  } catch (err) {
    throw new Error(`the schema does not compile: ${(err as Error).message}`);
  }
  const tally = new ViolationTally();
  let records = 0;
  for await (const record of jsonRecords(file, format)) {
    records++;
    if ('problem' in record) {
      tally.add('', record.problem, record.text, `line ${record.line}: ${record.detail}`);
      continue;
    }
    if (validate(record.value)) continue;
    for (const error of validate.errors ?? []) tally.add(errorPath(error), error.keyword, valueAt(record.value, error.instancePath), error.message);
  }
  return { source: file, method: 'ajv', records, violations: tally.list() };
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
