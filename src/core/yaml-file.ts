import fs from 'node:fs';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { isMap, isPair, isScalar, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { UsageError } from './errors.js';
import { yamlErrorReason } from './yaml-error.js';

/** Aliases allowed in one file: enough for real configs, far too few for an alias bomb. */
const MAX_ALIASES = 100;

// strictRequired is off because anyOf branches name required keys that the parent schema defines.
const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false });

/**
 * Reads a YAML file and validates it against a JSON Schema; any problem becomes a UsageError
 * that names the file, line, column and key, e.g. `pipewarden.yml:4:3: unknown key "fail_on"`.
 */
export function loadYamlFile<T>(file: string, displayName: string, schema: object): T {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`${displayName}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const first = doc.errors[0];
  if (first) {
    const { line, col } = lineCounter.linePos(first.pos[0]);
    throw new UsageError(`${displayName}:${line}:${col}: invalid YAML: ${yamlErrorReason(first)}`);
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES }) ?? {};
  } catch (err) {
    throw new UsageError(`${displayName}: ${(err as Error).message}`);
  }
  const validate = compile(schema);
  if (!validate(data)) {
    const error = mostSpecific(validate.errors ?? []);
    throw new UsageError(`${displayName}:${position(doc, lineCounter, error)}: ${describe(error)}`);
  }
  return data as T;
}

const compiled = new WeakMap<object, ValidateFunction>();
function compile(schema: object): ValidateFunction {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  return validate;
}

/** The deepest error is the one that names the offending key rather than a parent object. */
function mostSpecific(errors: ErrorObject[]): ErrorObject {
  return [...errors].sort((a, b) => pathOf(b).length - pathOf(a).length || rank(a) - rank(b))[0]!;
}

function rank(error: ErrorObject): number {
  return error.keyword === 'additionalProperties' ? 0 : error.keyword === 'anyOf' || error.keyword === 'oneOf' ? 2 : 1;
}

function pathOf(error: ErrorObject): string[] {
  const segments = error.instancePath.split('/').slice(1).map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (error.keyword === 'additionalProperties') segments.push(String(error.params['additionalProperty']));
  return segments;
}

function describe(error: ErrorObject): string {
  const segments = pathOf(error);
  const key = segments.length > 0 ? segments.join('.') : '(top level)';
  switch (error.keyword) {
    case 'additionalProperties':
      return `unknown key "${key}"`;
    case 'enum':
      return `"${key}" must be one of: ${(error.params['allowedValues'] as unknown[]).join(', ')}`;
    case 'type':
      return `"${key}" must be ${String(error.params['type'])}`;
    case 'required':
      return `"${key}" needs the key "${String(error.params['missingProperty'])}"`;
    default:
      return `"${key}" ${error.message ?? 'is invalid'}`;
  }
}

function position(doc: Document, lineCounter: LineCounter, error: ErrorObject): string {
  const segments = pathOf(error);
  const node = error.keyword === 'additionalProperties' ? keyNode(doc, segments) : (doc.getIn(numericPath(segments), true) as Node | undefined);
  const offset = node?.range?.[0] ?? doc.contents?.range?.[0] ?? 0;
  const { line, col } = lineCounter.linePos(offset);
  return `${line}:${col}`;
}

/** The key itself (not its value) for an unknown key, so the line shown is where it is typed. */
function keyNode(doc: Document, segments: string[]): Node | undefined {
  const parent = doc.getIn(numericPath(segments.slice(0, -1)), true);
  if (!isMap(parent)) return undefined;
  const name = segments[segments.length - 1];
  const pair = parent.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === name);
  return pair && isScalar(pair.key) ? pair.key : undefined;
}

function numericPath(segments: string[]): Array<string | number> {
  return segments.map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}
