import fs from 'node:fs';
import { UsageError } from '../../core/errors.js';

/** A value that breaks one constraint of the record schema, for one field. */
export interface SchemaViolation {
  field: string;
  id: string;
  value: string;
  /** A raw JSON fragment when the value is not a string (a number past the bound). */
  json?: string;
  /** The value is distinctive enough to recognise in the output (it should have been rejected). */
  recognisable: boolean;
}

interface PropertySchema {
  type?: string | string[];
  enum?: unknown[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
}

interface RecordSchema {
  properties?: Record<string, PropertySchema>;
  required?: string[];
}

export function loadRecordSchema(file: string): RecordSchema {
  try {
    const schema = JSON.parse(fs.readFileSync(file, 'utf8')) as RecordSchema & { items?: RecordSchema };
    // a schema of the whole file (an array of records) describes its records in `items`
    return schema.items?.properties ? schema.items : schema;
  } catch (err) {
    throw new UsageError(`cannot read the schema ${file}: ${(err as Error).message}`);
  }
}

const numeric = (p: PropertySchema): boolean => [p.type].flat().some((t) => t === 'number' || t === 'integer');

/** Values just outside each field's declared bounds, enum and length, and nulls in required fields. */
export function schemaViolations(schema: RecordSchema): SchemaViolation[] {
  const out: SchemaViolation[] = [];
  for (const [field, p] of Object.entries(schema.properties ?? {})) {
    const number = (id: string, n: number): void => void out.push({ field, id, value: String(n), json: String(n), recognisable: false });
    if (p.enum) out.push({ field, id: 'not-in-enum', value: 'pw-not-in-enum', recognisable: true });
    if (p.maximum !== undefined) number('above-maximum', p.maximum + 1);
    if (p.exclusiveMaximum !== undefined) number('at-exclusive-maximum', p.exclusiveMaximum);
    if (p.minimum !== undefined) number('below-minimum', p.minimum - 1);
    if (p.exclusiveMinimum !== undefined) number('at-exclusive-minimum', p.exclusiveMinimum);
    if (p.maxLength !== undefined) out.push({ field, id: 'over-max-length', value: `pwlong${'x'.repeat(p.maxLength)}`, recognisable: true });
    if (p.minLength !== undefined && p.minLength > 0) out.push({ field, id: 'under-min-length', value: '', recognisable: false });
    if ([p.type].flat().includes('integer')) out.push({ field, id: 'fraction-in-integer', value: '1.5', json: '1.5', recognisable: false });
    if (numeric(p) || p.type === 'boolean') out.push({ field, id: 'string-in-typed-field', value: 'pw-wrong-type', recognisable: true });
  }
  for (const field of schema.required ?? []) out.push({ field, id: 'missing-required', value: '', json: 'null', recognisable: false });
  return out;
}
