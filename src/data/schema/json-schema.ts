import fs from 'node:fs';
import { UsageError } from '../../core/errors.js';
import type { LogicalType } from '../profile/types.js';

export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** The part of JSON Schema 2020-12 that describes one column of a record. */
export interface ColumnSchema {
  type?: JsonType | JsonType[];
  enum?: Array<string | number | boolean | null>;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  format?: string;
  pattern?: string;
  [keyword: string]: unknown;
}

export type JsonType = 'string' | 'integer' | 'number' | 'boolean' | 'null' | 'object' | 'array';

/** A record schema: an object with one property per column. */
export interface RecordSchema {
  $schema?: string;
  title?: string;
  type?: 'object';
  properties?: Record<string, ColumnSchema>;
  required?: string[];
  additionalProperties?: boolean | object;
  [keyword: string]: unknown;
}

export function readSchemaFile(file: string): RecordSchema {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`cannot read the schema ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  let schema: unknown;
  try {
    schema = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`the schema ${file} is not JSON: ${(err as Error).message}`);
  }
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) throw new UsageError(`the schema ${file} is not a JSON object`);
  return schema as RecordSchema;
}

/** The JSON types a column allows, without "null". */
export function nonNullTypes(column: ColumnSchema): JsonType[] {
  const types = column.type === undefined ? [] : Array.isArray(column.type) ? column.type : [column.type];
  return types.filter((t) => t !== 'null');
}

export function allowsNull(column: ColumnSchema): boolean {
  if (column.type === undefined) return true;
  return Array.isArray(column.type) ? column.type.includes('null') : column.type === 'null';
}

/** The logical type a column schema declares (what tabular values must parse as). */
export function declaredType(column: ColumnSchema): LogicalType | undefined {
  const types = nonNullTypes(column);
  if (types.length !== 1) return undefined;
  const [type] = types;
  if (type === 'integer' || type === 'number' || type === 'boolean') return type;
  if (type === 'string') return column.format === 'date' ? 'date' : column.format === 'date-time' ? 'datetime' : 'string';
  return undefined;
}

export function declaredTypes(schema: RecordSchema): Record<string, LogicalType> {
  const out: Record<string, LogicalType> = {};
  for (const [name, column] of Object.entries(schema.properties ?? {})) {
    const type = declaredType(column);
    if (type) out[name] = type;
  }
  return out;
}
