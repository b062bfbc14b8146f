import type { SqlDialect } from '../engines/dialect.js';
import type { DataEngine } from '../engines/engine.js';
import { COLUMNS_PER_SCAN } from '../profile/index.js';
import { redact } from '../profile/redact.js';
import { STRING_FORMATS, isStringFormat } from './formats.js';
import { allowsNull, declaredType, nonNullTypes, type ColumnSchema, type RecordSchema } from './json-schema.js';
import { forEachJsonRow } from './json-text.js';
import { checkValue, compileSchema } from './validate-json.js';
import { ViolationTally, type ValidationReport, type Violation } from './violations.js';

interface Check {
  path: string;
  kind: string;
  /** The condition over the parsed layer's aliases of its column (`r0`, `t0`, `p0`). */
  condition: string;
  /** The alias of the column's text, which examples are taken from. */
  text: string;
}

/** One aggregate scan: the checks of a chunk of columns. */
interface Scan {
  sql: string;
  checks: Check[];
}

/**
 * Validates every row of a table-like source against a record schema with one aggregate query per
 * chunk of columns: each schema keyword becomes a counted condition per column, with two example
 * values each. Columns the schema describes as objects or arrays (structs, lists, maps, JSON) are
 * checked value by value with ajv, as JSON documents are.
 */
export async function validateWithSql(engine: DataEngine, schema: RecordSchema): Promise<ValidationReport> {
  const { scans, structural, documents } = validationScans(engine, schema);
  let records = 0;
  const violations: Violation[] = [];
  for (const scan of scans) {
    const [row] = await engine.query(scan.sql);
    records = Number(row?.['row_count'] ?? 0);
    scan.checks.forEach((check, i) => {
      const count = Number(row?.[`v${i}`] ?? 0);
      if (count === 0) return;
      const examples = [...new Set([row?.[`v${i}_a`], row?.[`v${i}_b`]].filter((e): e is string => typeof e === 'string').map(redact))];
      violations.push({ path: check.path, kind: check.kind, count, examples });
    });
  }
  violations.unshift(...structural.map((s) => ({ ...s, count: records })));
  if (documents.length > 0) violations.push(...(await documentViolations(engine, documents)));
  const issues = await engine.readIssues();
  if (issues.rejectedRows > 0) violations.push({ path: '', kind: 'unreadable-row', count: issues.rejectedRows, examples: [], message: issues.messages[0] ?? '' });
  return { source: engine.source, method: `sql:${engine.dialect.name}${documents.length > 0 ? '+ajv' : ''}`, records: records + issues.rejectedRows, violations };
}

/**
 * The scans that validate `schema`, at least one (it counts the rows). Each parses a column once
 * in an inner layer (raw value, text, typed value), evaluates every condition once per row in a
 * middle layer, and counts with sums rather than FILTER clauses: with a FILTER and a cast per
 * aggregate, 100 columns of 2,000 rows took 24 s and 2 GB in DuckDB, 1,000 columns ran out of memory.
 */
function validationScans(engine: DataEngine, schema: RecordSchema): { scans: Scan[]; structural: Array<Omit<Violation, 'count'>>; documents: Column[] } {
  const d = engine.dialect;
  const properties = schema.properties ?? {};
  const present = new Set(engine.columns.map((c) => c.name));
  const structural: Array<Omit<Violation, 'count'>> = [];
  for (const name of schema.required ?? []) if (!present.has(name)) structural.push({ path: name, kind: 'required', examples: [], message: 'column missing from the data' });
  if (schema.additionalProperties === false) {
    for (const name of present) if (!Object.hasOwn(properties, name)) structural.push({ path: name, kind: 'additionalProperties', examples: [], message: 'column not in the schema' });
  }
  const described = engine.columns.flatMap((c) => (properties[c.name] ? [{ name: c.name, schema: properties[c.name]! }] : []));
  const documents = described.filter((c) => describesDocuments(c.schema));
  const checked = described.filter((c) => !documents.includes(c));
  return { scans: scanChunks(d, checked).map((chunk) => scanOf(d, engine.relation, chunk)), structural, documents };
}

interface Column {
  name: string;
  schema: ColumnSchema;
}

/** A column schema of objects or arrays, or with keywords for what is inside them. */
function describesDocuments(s: ColumnSchema): boolean {
  return nonNullTypes(s).some((t) => t === 'object' || t === 'array') || DOCUMENT_KEYWORDS.some((k) => Object.hasOwn(s, k));
}

const DOCUMENT_KEYWORDS = ['properties', 'required', 'additionalProperties', 'patternProperties', 'items', 'prefixItems', 'contains', 'minItems', 'maxItems'];

/** Each value of the columns, read as JSON a batch of rows at a time, against its column's schema. */
async function documentViolations(engine: DataEngine, columns: Column[]): Promise<Violation[]> {
  const validators = columns.map((c) => compileSchema(c.schema));
  const tally = new ViolationTally();
  await forEachJsonRow(engine, columns.map((c) => c.name), (values) => values.forEach((value, i) => checkValue(validators[i]!, value, tally, columns[i]!.name)));
  return tally.list();
}

/**
 * Columns in chunks of at most COLUMNS_PER_SCAN columns and CHECKS_PER_SCAN checks (each check is
 * three aggregates; PostgreSQL takes at most 1,664 items in a select list); always one chunk, which
 * counts the rows.
 */
function scanChunks(d: SqlDialect, columns: Column[]): Array<Column[]> {
  const chunks: Array<Column[]> = [[]];
  let checks = 0;
  for (const column of columns) {
    const count = columnChecks(d, column.name, column.schema, 0).length;
    const current = chunks[chunks.length - 1]!;
    if (current.length > 0 && (current.length >= COLUMNS_PER_SCAN || checks + count > CHECKS_PER_SCAN)) {
      chunks.push([column]);
      checks = count;
    } else {
      current.push(column);
      checks += count;
    }
  }
  return chunks;
}

const CHECKS_PER_SCAN = 500;

function scanOf(d: SqlDialect, relation: string, columns: Column[]): Scan {
  const parsed: string[] = [];
  const checks: Check[] = [];
  columns.forEach(({ name, schema }, j) => {
    const raw = d.quoteIdent(name);
    const text = d.text(raw);
    const type = parsedType(schema);
    const typed = type ? d.tryCast(text, type) : null;
    parsed.push(`${raw} AS r${j}`, `${text} AS t${j}`);
    // A string column is parsed as a number only for numeric bounds: the strict parse is a regular expression per value.
    if (typed || hasNumericBound(schema)) parsed.push(`${typed ?? d.tryCast(text, 'number')} AS p${j}`);
    checks.push(...columnChecks(d, name, schema, j));
  });
  const flags = checks.map((c, i) => `${c.condition} AS f${i}`);
  const keep = columns.map((_, j) => `t${j}`);
  const items = ['count(*) AS row_count'];
  checks.forEach((c, i) => {
    items.push(`sum(CASE WHEN f${i} THEN 1 ELSE 0 END) AS v${i}`);
    items.push(`min(CASE WHEN f${i} THEN ${c.text} END) AS v${i}_a`, `max(CASE WHEN f${i} THEN ${c.text} END) AS v${i}_b`);
  });
  const inner = parsed.length > 0 ? `(SELECT ${[...keep, ...flags].join(', ')} FROM (SELECT ${parsed.join(', ')} FROM ${relation}) parsed) flagged` : relation;
  return { sql: `SELECT\n  ${items.join(',\n  ')}\nFROM ${inner}`, checks };
}

/** Column `j`'s checks over the parsed layer: `r` its raw value, `t` its text, `p` its value as the declared type (or as a number). */
function columnChecks(d: SqlDialect, name: string, s: ColumnSchema, j: number): Check[] {
  const raw = `r${j}`;
  const text = `t${j}`;
  const typed = `p${j}`;
  const type = declaredType(s);
  const checks: Check[] = [];
  const add = (kind: string, condition: string): void => {
    checks.push({ path: name, kind, condition: `(${raw} IS NOT NULL AND ${condition})`, text });
  };
  if (!allowsNull(s)) checks.push({ path: name, kind: 'null', condition: `(${raw} IS NULL)`, text });
  if (parsedType(s)) add('type', `${typed} IS NULL`);
  if (s.minimum !== undefined) add('minimum', `${typed} < ${literalNumber(s.minimum)}`);
  if (s.maximum !== undefined) add('maximum', `${typed} > ${literalNumber(s.maximum)}`);
  if (s.exclusiveMinimum !== undefined) add('exclusiveMinimum', `${typed} <= ${literalNumber(s.exclusiveMinimum)}`);
  if (s.exclusiveMaximum !== undefined) add('exclusiveMaximum', `${typed} >= ${literalNumber(s.exclusiveMaximum)}`);
  if (s.minLength !== undefined) add('minLength', `${d.length(text)} < ${Math.floor(s.minLength)}`);
  if (s.maxLength !== undefined) add('maxLength', `${d.length(text)} > ${Math.floor(s.maxLength)}`);
  if (s.format !== undefined && isStringFormat(s.format)) add('format', `NOT ${d.matches(text, STRING_FORMATS[s.format])}`);
  if (s.pattern !== undefined) add('pattern', `NOT ${d.matches(text, s.pattern)}`);
  if (s.enum !== undefined) {
    const values = s.enum.filter((v) => v !== null);
    const numbers = type === 'integer' || type === 'number';
    const list = values.map((v) => (numbers && typeof v === 'number' ? literalNumber(v) : d.quoteLiteral(String(v))));
    add('enum', list.length === 0 ? 'true' : `${numbers ? typed : text} NOT IN (${list.join(', ')})`);
  }
  return checks;
}

/** The type a column's text is parsed as, where the schema declares one other than string. */
function parsedType(s: ColumnSchema): ReturnType<typeof declaredType> {
  const type = declaredType(s);
  return type === 'string' ? undefined : type;
}

function hasNumericBound(s: ColumnSchema): boolean {
  return [s.minimum, s.maximum, s.exclusiveMinimum, s.exclusiveMaximum].some((bound) => bound !== undefined);
}

function literalNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`schema bound ${n} is not a finite number`);
  return `CAST(${String(n)} AS DOUBLE PRECISION)`;
}
