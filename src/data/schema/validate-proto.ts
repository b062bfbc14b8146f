import fs from 'node:fs';
import type protobufjs from 'protobufjs';
import { UsageError } from '../../core/errors.js';
import { jsonRecords } from '../input/records.js';
import { ViolationTally, type ValidationReport } from './violations.js';

/**
 * Validates JSON Lines records against a protobuf message type: protobufjs's verify checks field
 * types, fromObject the conversion a consumer would do; fields the message lacks are counted too,
 * since a consumer drops them silently.
 */
export async function validateProto(file: string, protoFile: string, messageName: string): Promise<ValidationReport> {
  const type = await loadType(protoFile, messageName);
  const tally = new ViolationTally();
  let records = 0;
  for await (const record of jsonRecords(file, 'jsonl')) {
    records++;
    if ('problem' in record) {
      tally.add('', record.problem, record.text, `line ${record.line}: ${record.detail}`);
      continue;
    }
    const value = record.value;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      tally.add('', 'type', value, `not a ${messageName} object`);
      continue;
    }
    const object = value as Record<string, unknown>;
    for (const key of Object.keys(object)) if (!type.fields[key]) tally.add(key, 'unknown-field', object[key], `${messageName} has no field ${key}`);
    const problem = type.verify(object);
    if (problem) {
      const field = problem.split(':')[0]!.split('.')[0]!;
      tally.add(field, 'verify', object[field], problem);
      continue;
    }
    try {
      type.fromObject(object);
    } catch (err) {
      tally.add('', 'fromObject', undefined, (err as Error).message);
    }
  }
  return { source: file, method: `protobuf:${messageName}`, records, violations: tally.list() };
}

/** protobufjs is loaded only when --proto is used, not at every command's start-up. */
async function loadType(protoFile: string, messageName: string): Promise<protobufjs.Type> {
  let source: string;
  try {
    source = fs.readFileSync(protoFile, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read ${protoFile}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  const protobuf = (await import('protobufjs')).default;
  let root: protobufjs.Root;
  try {
    root = protobuf.parse(source, { keepCase: true }).root;
  } catch (err) {
    throw new UsageError(`${protoFile} is not a valid .proto file: ${(err as Error).message}`);
  }
  try {
    return root.lookupType(messageName);
  } catch {
    throw new UsageError(`${protoFile} defines no message ${messageName}`);
  }
}
