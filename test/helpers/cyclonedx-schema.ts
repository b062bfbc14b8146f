import fs from 'node:fs';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { fullFormats } from 'ajv-formats/dist/formats.js';
import { expect } from 'vitest';

const SCHEMAS = new URL('../../node_modules/@cyclonedx/cyclonedx-library/res/schema/', import.meta.url);
const readSchema = (name: string) => JSON.parse(fs.readFileSync(new URL(name, SCHEMAS), 'utf8')) as { $schema: string; $id: string };

/**
 * The official CycloneDX 1.6 schema. It is draft-07 (checked below), which the default Ajv class
 * implements. Its `$ref`s to "spdx.SNAPSHOT.schema.json" and "jsf-0.82.SNAPSHOT.schema.json"
 * resolve against its own $id, so those two are registered under the resolved URLs, not under
 * their own $ids (which lack "SNAPSHOT").
 */
export function cycloneDxValidator(): ValidateFunction {
  const bom = readSchema('bom-1.6.SNAPSHOT.schema.json');
  expect(bom.$schema).toBe('http://json-schema.org/draft-07/schema#');
  // strictRequired is off because the schema's oneOf branches require keys that the parent defines.
  const ajv = new Ajv({ strict: true, strictRequired: false, allErrors: true });
  ajv.addSchema(readSchema('spdx.SNAPSHOT.schema.json'), new URL('spdx.SNAPSHOT.schema.json', bom.$id).href);
  ajv.addSchema(readSchema('jsf-0.82.SNAPSHOT.schema.json'), new URL('jsf-0.82.SNAPSHOT.schema.json', bom.$id).href);
  // Documentation keyword of the CycloneDX schema, no validation meaning.
  ajv.addKeyword('meta:enum');
  addFormats.default(ajv);
  // ajv-formats has no IRI formats; ours are ASCII, where an IRI reference is a URI reference, so the stricter check applies.
  ajv.addFormat('iri-reference', fullFormats['uri-reference']);
  ajv.addFormat('idn-email', fullFormats.email);
  return ajv.compile(bom);
}

